package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationParty;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.application.ApplicationSubmitted;

/**
 * Screens every party of an application when it is submitted (in the submission's transaction, so the
 * results are there when the reviewer opens the case) and re-screens the parties of every open
 * application when a new list version comes into force.
 */
@ApplicationScoped
public class PartyScreening implements ScreeningSubjectSource {

    public static final String SUBJECT_TYPE = "APPLICATION_PARTY";

    /** Applications still awaiting a decision: their parties are re-screened on every list update. */
    static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED);

    /** One party with the hits of its latest screening. */
    @io.quarkus.qute.TemplateData
    public record PartyResult(ApplicationParty party, List<ScreeningHit> hits) {
        public boolean clear() {
            return hits.stream().allMatch(h -> h.status == ScreeningHit.Status.FALSE_POSITIVE);
        }
    }

    @Inject
    ScreeningService screening;

    void onSubmitted(@Observes ApplicationSubmitted submitted) {
        for (ApplicationParty p : ApplicationParty.<ApplicationParty> list("application.id = ?1 order by id", submitted.applicationId())) {
            screening.screen(subject(p));
        }
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<ScreeningSubject> openSubjects() {
        // the screened fields only: loading the parties as entities also loaded each one's approved customer (3.3 s of a
        // re-screening at large, 23,000 parties)
        return ApplicationParty.getEntityManager().createQuery("""
                select p.id, p.name, p.nameChinese, p.address, p.city, p.country from ApplicationParty p
                where p.application.status in ?1 order by p.id""", Object[].class).setParameter(1, OPEN).getResultList().stream()
                .map(r -> new ScreeningSubject(SUBJECT_TYPE, (Long) r[0], (String) r[1], r[2] == null ? List.of() : List.of((String) r[2]),
                        (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }

    /** Latest screening of each party of the application, for the reviewer. */
    public List<PartyResult> resultsFor(Application application) {
        List<PartyResult> results = new ArrayList<>();
        for (ApplicationParty p : partiesOf(application)) {
            results.add(new PartyResult(p, screening.currentHits(SUBJECT_TYPE, p.id)));
        }
        return results;
    }

    /** Whether the application's parties allow approval (no open hit, no true match, all screened). */
    public ScreeningService.Clearance clearanceFor(Application application) {
        return screening.clearanceFor(SUBJECT_TYPE, partiesOf(application).stream().map(p -> p.id).toList());
    }

    private static List<ApplicationParty> partiesOf(Application application) {
        return ApplicationParty.list("application = ?1 order by id", application);
    }

    static ScreeningSubject subject(ApplicationParty p) {
        return new ScreeningSubject(SUBJECT_TYPE, p.id, p.name, p.nameChinese == null ? List.of() : List.of(p.nameChinese),
                p.address, p.city, p.country);
    }
}
