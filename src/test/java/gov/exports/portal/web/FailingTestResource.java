package gov.exports.portal.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only route (src/test is not packaged): fails the way a bug would, with internals in the exception. */
@Path("/test-support/failure")
@PermitAll
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.TEXT_HTML)
public class FailingTestResource {

    @GET
    public String fail(@jakarta.ws.rs.QueryParam("fail") boolean fail) {
        if (!fail) {
            return "<p>Add ?fail=true to fail.</p>";
        }
        throw new IllegalStateException("ERROR: relation \"secret_table\" does not exist; SELECT password FROM secret_table");
    }
}
