package gov.exports.portal.screening;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.customer.ApprovedCustomerSaved;
import gov.exports.portal.customer.CustomerStatus;

/** Screens approved customers when they are added or changed, and again on every list update while not revoked. */
@ApplicationScoped
public class CustomerScreening implements ScreeningSubjectSource {

    public static final String SUBJECT_TYPE = "APPROVED_CUSTOMER";

    @Inject
    ScreeningService screening;

    void onSaved(@Observes ApprovedCustomerSaved saved) {
        ApprovedCustomer c = ApprovedCustomer.findById(saved.customerId());
        if (c != null && c.status != CustomerStatus.REVOKED) {
            screening.screen(subject(c));
        }
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<ScreeningSubject> openSubjects() {
        return ApprovedCustomer.<ApprovedCustomer> list("status <> ?1 order by id", CustomerStatus.REVOKED).stream()
                .map(CustomerScreening::subject).toList();
    }

    public List<ScreeningHit> hitsFor(ApprovedCustomer customer) {
        return screening.currentHits(SUBJECT_TYPE, customer.id);
    }

    static ScreeningSubject subject(ApprovedCustomer c) {
        return new ScreeningSubject(SUBJECT_TYPE, c.id, c.nameLatin, c.nameChinese == null ? List.of() : List.of(c.nameChinese),
                c.address, c.city, c.country);
    }
}
