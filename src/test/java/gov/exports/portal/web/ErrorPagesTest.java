package gov.exports.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Error pages must render whatever failed. The layout's header reads the signed-in vendor's organisation from the
 * database, so during a database outage a vendor once got the server's raw 500 with a stack trace instead of the 503
 * page (faults/DatabaseRestartFaultTest). Rendered here on a thread of its own, where no request context is active:
 * the layout cannot render there, as it could not with the database away.
 */
@QuarkusTest
class ErrorPagesTest {

    static Response renderedAlone(int status, String detail, boolean withoutDatabase) {
        return CompletableFuture.supplyAsync(() -> ErrorPages.render("/vendor", status, detail, "req-test-1", withoutDatabase),
                runnable -> new Thread(runnable, "no-request-context").start()).join();
    }

    @Test
    void theDatabaseOutagePageNeedsNeitherTheLayoutNorTheSignedInUser() {
        Response r = renderedAlone(503, "The service is briefly unavailable. Nothing you sent was saved.", true);
        String html = (String) r.getEntity();
        assertEquals(503, r.getStatus());
        assertTrue(html.contains("<h1>" + ErrorPages.titleFor(503) + "</h1>"), html);
        assertTrue(html.contains("The service is briefly unavailable. Nothing you sent was saved."), html);
        assertTrue(html.contains("Error 503. Reference: <code>req-test-1</code>"), html);
        assertFalse(html.contains("who-name"), "no signed-in header: " + html);
    }

    @Test
    void aPageWhoseLayoutFailsIsShownWithoutIt() {
        Response r = renderedAlone(500, null, false);
        String html = (String) r.getEntity();
        assertEquals(500, r.getStatus());
        assertTrue(html.contains("<h1>" + ErrorPages.titleFor(500) + "</h1>"), html);
        assertTrue(html.contains("Error 500. Reference: <code>req-test-1</code>"), html);
        assertFalse(html.matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]+\\.).*"), "no stack trace: " + html);
    }

    @Test
    void whatThePlainPageShowsIsEscaped() {
        String html = ErrorPages.plainPage(409, "Changed", "<script>alert(1)</script> & more", "req-2");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
        assertFalse(html.contains("<script>"), html);
        assertFalse(ErrorPages.plainPage(413, "Too large", "At most 20 MB.", null).contains("Reference"),
                "a page answered before any route has no request id to quote");
    }
}
