package gov.exports.portal.screening;

/** A list file that cannot be imported: the line and the reason, for the official who uploaded it. */
public class MalformedListException extends RuntimeException {

    private final int line;

    public MalformedListException(int line, String reason) {
        super(line > 0 ? "Line " + line + ": " + reason : reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
