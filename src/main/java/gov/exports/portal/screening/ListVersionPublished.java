package gov.exports.portal.screening;

/** CDI event: a new list version is in force (fired inside its transaction; re-screening starts after commit). */
public record ListVersionPublished(long versionId) {
}
