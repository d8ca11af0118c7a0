package gov.exports.portal.customer;

/** Standing of an approved customer: only APPROVED customers may receive eligible chips. */
public enum CustomerStatus {
    APPROVED, SUSPENDED, REVOKED
}
