package gov.exports.portal.customer;

/** Fired (synchronously, inside the saving transaction) when an approved customer is created or changed: screening listens. */
public record ApprovedCustomerSaved(Long customerId) {
}
