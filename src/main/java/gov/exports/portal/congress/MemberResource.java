package gov.exports.portal.congress;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import gov.exports.portal.account.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A member of Congress and the tracked bills they sponsor or cosponsor. Public. */
@Path("/members")
@PermitAll
public class MemberResource {

    public record Seat(Committee committee, CommitteeSeat seat) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance member(Member member, List<Seat> seats, List<Bill> sponsored, List<Cosponsorship> cosponsored);
    }

    @Inject
    BillQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    RenderedPages pages;

    @GET
    @Path("{bioguide}")
    @Produces(MediaType.TEXT_HTML)
    public Response member(@PathParam("bioguide") String bioguide, @Context Request request, @Context HttpServerRequest http) {
        if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
            throw new NotFoundException();
        }
        BillQueries.Freshness fresh = queries.freshness(currentUser);
        return HttpCaching.conditional(request, http, currentUser, pages, fresh, "member|" + bioguide, MediaType.TEXT_HTML + ";charset=UTF-8", () -> {
            Member m = Member.findById(bioguide);
            if (m == null) {
                throw new NotFoundException();
            }
            List<CommitteeSeat> seatRows = CommitteeSeat.list("bioguideId", bioguide);
            java.util.Map<String, Committee> committees = seatRows.isEmpty() ? java.util.Map.of()
                    : Committee.<Committee> list("code in ?1", seatRows.stream().map(s -> s.committeeCode).toList()).stream()
                            .collect(java.util.stream.Collectors.toMap(c -> c.code, c -> c));
            List<Seat> seats = seatRows.stream()
                    .map(s -> new Seat(committees.get(s.committeeCode), s))
                    .filter(s -> s.committee() != null)
                    .sorted(java.util.Comparator.comparing((Seat s) -> s.committee().code))
                    .toList();
            List<Bill> sponsored = Bill.list("sponsor = ?1 and tracked = true order by latestActionDate desc", m);
            List<Cosponsorship> cosponsored = Cosponsorship.list(
                    "select c from Cosponsorship c join fetch c.bill b where c.member = ?1 and b.tracked = true order by b.latestActionDate desc", m);
            return Templates.member(m, seats, sponsored, cosponsored).data("navSection", "bills");
        });
    }
}
