package gov.exports.portal.congress;

/** A file the importer will not take: hostile, malformed, too large or of an unknown schema. Nothing was imported. */
public class ImportRefusedException extends RuntimeException {

    private final BillImport.Format format;

    public ImportRefusedException(String message) {
        this(message, null, null);
    }

    public ImportRefusedException(String message, BillImport.Format format, Throwable cause) {
        super(message, cause);
        this.format = format;
    }

    public BillImport.Format format() {
        return format;
    }
}
