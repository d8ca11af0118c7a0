package gov.exports.portal.web;

/** Bad input found by a service: the resource re-renders the form with these messages (HTTP 400), nothing written. */
public class FormValidationException extends RuntimeException {

    private final FormErrors errors;

    public FormValidationException(FormErrors errors) {
        super("invalid form: " + errors.getList());
        this.errors = errors;
    }

    public FormErrors errors() {
        return errors;
    }
}
