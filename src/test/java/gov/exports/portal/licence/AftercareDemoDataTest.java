package gov.exports.portal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.exports.portal.account.Organisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dev profile's aftercare demo data: off outside dev, and when loaded it fills every aftercare page once. Loaded here in a
 * transaction that is rolled back, so the other tests never see it.
 */
@QuarkusTest
class AftercareDemoDataTest {

    @Inject
    AftercareDemoData demo;

    @Inject
    LicencesConfig config;

    @Inject
    RevenueService revenue;

    @Inject
    ShipmentRatios ratios;

    @Test
    void offOutsideTheDevProfileAndWhenLoadedItFillsThePagesOnce() {
        assertFalse(config.demoData(), "dev profile only");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Licence.count("issuedBySubject", AftercareDemoData.DEMO)));
        QuarkusTransaction.begin();
        try {
            demo.load();
            Licence l = Licence.find("issuedBySubject", AftercareDemoData.DEMO).firstResult();
            assertEquals(LicenceStatus.ACTIVE, l.status);
            List<Shipment> ledger = Shipment.ofLicence(l.id);
            assertEquals(5, ledger.size(), "three reports, one corrected by a reversal and a replacement");
            assertTrue(ledger.stream().anyMatch(s -> s.kind == Shipment.Kind.REVERSAL));
            assertEquals(375, l.getLines().get(0).remainingQuantity, "500 authorised − 40 − 55 − 30");
            Long nvidia = Organisation.findBySlug("nvidia").orElseThrow().id;
            List<RevenueService.Statement> statements = revenue.statements(nvidia).stream()
                    .filter(s -> s.licences().stream().anyMatch(lq -> lq.licenceId().equals(l.id))).toList();
            assertTrue(statements.stream().anyMatch(s -> s.isPaid() && "Paid".equals(s.getStatusText())), "one statement paid");
            assertTrue(statements.stream().anyMatch(RevenueService.Statement::isOverdue), "one statement overdue");
            assertEquals(1, LicenceAmendment.count("licenceId = ?1 and status = ?2", l.id, LicenceAmendment.Status.REQUESTED));
            assertEquals(4, UsShipmentDeclaration.count("organisationId = ?1 and declaredBySubject = ?2", nvidia, AftercareDemoData.DEMO));
            assertTrue(ratios.rowsOf(l).stream().anyMatch(r -> r.getAssessment() == ShipmentRatio.Assessment.OVER),
                    "the overdue quarter's 55 China units against 100 US units are over the 50% cap");

            demo.load();
            assertEquals(1, Licence.count("issuedBySubject", AftercareDemoData.DEMO), "loading again adds nothing");
            assertEquals(5, Shipment.count("licenceId", l.id));
            assertEquals(4, UsShipmentDeclaration.count("organisationId = ?1 and declaredBySubject = ?2", nvidia, AftercareDemoData.DEMO));
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
