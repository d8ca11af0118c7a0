package gov.exports.portal.licence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import gov.exports.portal.account.Organisation;
import gov.exports.portal.application.ReviewFixtures;
import gov.exports.portal.policy.Product;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** An issued licence on a submitted application, written as LicenceService.issue leaves it (the review is tested elsewhere). */
@ApplicationScoped
public class LicenceFixtures {

    @Inject
    ReviewFixtures reviews;

    @Inject
    EntityManager em;

    public Licence issued(String orgSlug, int quantity, String value, LocalDate from, LocalDate to) {
        Long appId = reviews.submitted(orgSlug);
        return QuarkusTransaction.requiringNew().call(() -> write(appId, orgSlug, quantity, value, from, to));
    }

    public Licence issued(String orgSlug, int quantity, String value) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return issued(orgSlug, quantity, value, today.minusDays(10), today.plusYears(2));
    }

    @Transactional
    Licence write(Long appId, String orgSlug, int quantity, String value, LocalDate from, LocalDate to) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('licence_number_seq')").getSingleResult()).longValue();
        Licence l = new Licence();
        l.number = String.format("CHX-%d-%06d", LocalDate.now(ZoneOffset.UTC).getYear(), n);
        l.applicationId = appId;
        l.organisation = Organisation.findBySlug(orgSlug).orElseThrow();
        l.validFrom = from;
        l.validTo = to;
        l.policyCode = "2026-01-H200";
        l.revenueShareRate = new BigDecimal("0.2500");
        l.issuedBySubject = "test";
        l.issuedByName = "Test Officer";
        l.persist();
        em.flush();
        LicenceLine line = new LicenceLine();
        line.licenceId = l.id;
        line.productId = Product.<Product> find("model", "H200").firstResult().id;
        line.description = "NVIDIA H200 (Hopper, ECCN 3A090.a)";
        line.requestedQuantity = quantity;
        line.requestedValueUsd = new BigDecimal(value);
        line.authorisedQuantity = quantity;
        line.authorisedValueUsd = new BigDecimal(value);
        line.persist();
        LicenceCondition c = new LicenceCondition();
        c.licenceId = l.id;
        c.code = "REVENUE_SHARE";
        c.text = "Pay the United States government 25% of the revenue from every sale under this licence.";
        c.persist();
        em.flush();
        return l;
    }
}
