package gov.exports.portal.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import gov.exports.portal.account.Roles;

/** JSON API for monitoring: is the audit chain intact? (e.g. a nightly job with an admin's token) */
@Path("/api/admin/audit/verification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditApiResource {

    @Inject
    AuditChain chain;

    @GET
    public AuditChain.Verification verify() {
        return chain.verify();
    }
}
