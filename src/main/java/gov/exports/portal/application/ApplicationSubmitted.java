package gov.exports.portal.application;

/** Fired synchronously inside the submission transaction, once the application is SUBMITTED: screening listens. */
public record ApplicationSubmitted(Long applicationId) {
}
