package gov.exports.portal.screening;

import java.util.List;

/**
 * SPI: a kind of party that must be re-screened when a new list version comes into force. Implement it as a
 * CDI bean (e.g. open applications' parties, approved customers); every bean is asked for its open subjects
 * after each list import or hand edit. Called outside any request, inside a transaction.
 */
public interface ScreeningSubjectSource {

    /** The subject type this source provides, e.g. APPLICATION_PARTY or APPROVED_CUSTOMER. */
    String subjectType();

    /** The parties that are still open (not yet decided, not revoked …), as currently described. */
    List<ScreeningSubject> openSubjects();
}
