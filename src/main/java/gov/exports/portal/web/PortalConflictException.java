package gov.exports.portal.web;

/** A state conflict the user can resolve (HTTP 409): the message says what happened and what to do. */
public class PortalConflictException extends RuntimeException {
    public PortalConflictException(String message) {
        super(message);
    }
}
