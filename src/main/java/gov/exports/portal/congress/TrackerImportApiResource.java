package gov.exports.portal.congress;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Roles;

/**
 * Bulk loads for scripts (src/scripts/bill-import.sh): the request body is one file (BILLSTATUS XML or zip,
 * congress.gov API JSON, congress-legislators YAML); the answer says what changed, or why it was refused (422).
 */
@Path("/api/tracker/imports")
@RolesAllowed(Roles.TRACKER_EDITOR)
public class TrackerImportApiResource {

    @Inject
    BillImportService importer;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@QueryParam("name") String name, @QueryParam("track") boolean track, byte[] body) {
        String fileName = name == null || name.isBlank() ? "api-upload" : name;
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            ImportOutcome out = importer.importFile(fileName, body == null ? new byte[0] : body, BillImport.SourceKind.API, track,
                    Actor.of(currentUser));
            result.put("outcome", "IMPORTED");
            result.put("importId", out.importId);
            result.put("format", out.format.name());
            result.put("billsCreated", out.billsCreated);
            result.put("billsUpdated", out.billsUpdated);
            result.put("billsUnchanged", out.billsUnchanged);
            result.put("actionsAdded", out.actionsAdded);
            result.put("cosponsorsAdded", out.cosponsorsAdded);
            result.put("cosponsorsWithdrawn", out.cosponsorsWithdrawn);
            result.put("membersSaved", out.membersSaved);
            result.put("committeesSaved", out.committeesSaved);
            result.put("summary", out.summary());
            return Response.status(201).entity(result).build();
        } catch (ImportRefusedException e) {
            result.put("outcome", "REFUSED");
            result.put("message", e.getMessage());
            return Response.status(422).entity(result).build();
        }
    }
}
