package gov.exports.portal.licence;

/** Licence lifecycle (BRIEF): ACTIVE → EXHAUSTED / EXPIRED / SUSPENDED (reversible) / REVOKED. */
public enum LicenceStatus {
    ACTIVE, EXHAUSTED, EXPIRED, SUSPENDED, REVOKED
}
