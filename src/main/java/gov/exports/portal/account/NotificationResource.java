package gov.exports.portal.account;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in user's notifications (what was also e-mailed to them). */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NotificationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Notification> notifications);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    @GET
    public TemplateInstance list() {
        return Templates.list(notifications.forRecipient(currentUser.email(), 100)).data("navSection", "notifications");
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        notifications.markAllRead(currentUser.email());
        return Response.seeOther(URI.create("/notifications")).build();
    }
}
