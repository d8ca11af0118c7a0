package gov.exports.portal.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import gov.exports.portal.account.AccountDemoData;
import gov.exports.portal.web.PortalConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** A small demo list (our own fixture in the CSL CSV layout), imported once when demo data is on. */
@ApplicationScoped
public class ScreeningDemoData {

    private static final Logger LOG = Logger.getLogger(ScreeningDemoData.class);
    static final String DEMO_LIST = "screening/demo-list.csl.csv";

    @Inject
    PortalConfig config;

    @Inject
    ListImporter importer;

    void load(@Observes @Priority(AccountDemoData.PRIORITY + 20) StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> ListVersion.count()) > 0) {
            return;
        }
        ListImporter.ImportResult r = importer.importFile(demoList(), "demo-list.csl.csv",
                new ListImporter.Actor("system", "system", true), null);
        LOG.infof("Demo screening list imported as version %d (%d entries)", r.versionId(), r.entries());
    }

    static byte[] demoList() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_LIST)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
