package gov.exports.portal.congress;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.exports.portal.account.AccountDemoData;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo bill tracker: the SAFE Chips Act (S. 3374, 119th Congress) with its sponsor, cosponsors and actions, and
 * the members and committees behind it, imported through the real importers from files in
 * src/main/resources/congress-seed. Loaded only when {@code portal.demo-data=true}; idempotent.
 */
@ApplicationScoped
public class CongressDemoData {

    private static final Logger LOG = Logger.getLogger(CongressDemoData.class);
    static final String SEED = "congress-seed/";

    @Inject
    PortalConfig config;

    @Inject
    BillImportService importer;

    @Inject
    BillCurationService curation;

    void load(@Observes @Priority(AccountDemoData.PRIORITY + 30) StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        boolean seeded = QuarkusTransaction.requiringNew().call(() -> Bill.find(119, "s", 3374).isPresent());
        if (seeded) {
            return;
        }
        for (String file : List.of("legislators.yaml", "committees.yaml", "committee-membership.yaml", "safe-chips-act-119-s-3374.json")) {
            importer.importFile(file, read(file), BillImport.SourceKind.SEED, true, Actor.SYSTEM);
        }
        Long id = QuarkusTransaction.requiringNew().call(() -> Bill.find(119, "s", 3374).orElseThrow().id);
        int version = QuarkusTransaction.requiringNew().call(() -> Bill.<Bill> findById(id).version);
        curation.save(id, new BillCurationService.Curation(true, "Chip exports, Export controls, AI chips",
                List.of("China", "Hong Kong", "Macau", "Russia", "Iran", "North Korea"), "",
                "The SAFE Chips Act would require a licence to export advanced AI chips (such as data-centre GPUs classified "
                        + "3A090 or 4A090) to China, Russia, Iran and North Korea, including Hong Kong and Macau, and to companies "
                        + "headquartered there, and would require every such licence to be denied. For 30 months after it becomes "
                        + "law the Commerce Department could not loosen the chip performance thresholds; after that it could, "
                        + "but only after briefing Congress.",
                version), Actor.SYSTEM);
        LOG.info("Demo bill tracker loaded: SAFE Chips Act (S. 3374, 119th Congress)");
    }

    private static byte[] read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file " + SEED + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
