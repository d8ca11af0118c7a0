package gov.exports.portal.screening;

import gov.exports.portal.web.FormErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.account.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Officials' screening pages: search, list versions and their differences, imports, entries, hits. */
@Path("/screening")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.SENIOR_OFFICER })
public class ScreeningResource {

    static final int DIFF_ROWS = 200;

    public record SearchForm(String name, String country, String address) {
    }

    public record Diff(List<ListEntry> added, List<ListEntry> changed, List<ListEntry> removed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchForm form, FormErrors errors, List<PartyScorer.Scored> results,
                boolean searched, long millis, ListVersion current, double threshold);

        static native TemplateInstance versions(List<ListVersion> versions, List<ScreeningJob> jobs);

        static native TemplateInstance version(ListVersion version, Diff diff);

        static native TemplateInstance importForm(FormErrors errors, ListVersion current);

        static native TemplateInstance job(ScreeningJob job);

        static native TemplateInstance newEntry(EntryForm form, FormErrors errors);

        static native TemplateInstance entry(ListEntry entry, List<ListEntry> history, FormErrors errors, String reason);

        static native TemplateInstance hits(List<ScreeningHit> hits, List<ScreeningJob> jobs);

        static native TemplateInstance hit(ScreeningHit hit, List<ScreeningHit> otherHits, boolean latest, FormErrors errors,
                String decision, String reason);
    }

    public record EntryForm(String name, String altNames, String address, String country, String source, String reason) {
    }

    @Inject
    ScreeningSearch search;

    @Inject
    ListImporter importer;

    @Inject
    ListEditor editor;

    @Inject
    ScreeningService screening;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance search(@QueryParam("name") String name, @QueryParam("country") String country,
            @QueryParam("address") String address) {
        SearchForm form = new SearchForm(name, country, address);
        FormErrors errors = new FormErrors();
        boolean searched = name != null || country != null || address != null;
        List<PartyScorer.Scored> results = List.of();
        long millis = 0;
        if (searched) {
            if (name == null || name.isBlank()) {
                errors.add("name", "Enter the name of the party to search for");
            } else if (name.length() > 300) {
                errors.add("name", "The name must be 300 characters or fewer");
            } else if (NameKeys.key(name) == null) {
                errors.add("name", "Enter a name with letters or characters, not only punctuation");
            }
            if (country != null && !country.isBlank() && Countries.code(country) == null) {
                errors.add("country", "Enter a country name or its two-letter code, for example China or CN");
            }
            if (!errors.isAny()) {
                long t0 = System.nanoTime();
                results = search.search(ScreeningSubject.query(name, address, country), PartyScorer.SEARCH_FLOOR, 25);
                millis = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        return Templates.search(form, errors, results, searched && !errors.isAny(), millis, ListVersion.current().orElse(null),
                PartyScorer.HIT_THRESHOLD).data("navSection", "screening");
    }

    @GET
    @Path("versions")
    public TemplateInstance versions() {
        return Templates.versions(ListVersion.list("order by id desc"),
                ScreeningJob.<ScreeningJob> find("order by id desc").page(0, 10).list()).data("navSection", "screening");
    }

    @GET
    @Path("versions/{id}")
    public TemplateInstance version(@PathParam("id") long id) {
        ListVersion v = ListVersion.findById(id);
        if (v == null) {
            throw new NotFoundException();
        }
        List<ListEntry> addedRows = ListEntry.find("addedIn.id = ?1", Sort.by("name"), id).page(0, 2 * DIFF_ROWS).list();
        List<ListEntry> retiredRows = ListEntry.find("retiredIn.id = ?1", Sort.by("name"), id).page(0, 2 * DIFF_ROWS).list();
        Set<String> retiredKeys = new HashSet<>();
        retiredRows.forEach(e -> retiredKeys.add(e.entryKey));
        Set<String> addedKeys = new HashSet<>();
        addedRows.forEach(e -> addedKeys.add(e.entryKey));
        List<ListEntry> added = new ArrayList<>();
        List<ListEntry> changed = new ArrayList<>();
        for (ListEntry e : addedRows) {
            (retiredKeys.contains(e.entryKey) ? changed : added).add(e);
        }
        List<ListEntry> removed = retiredRows.stream().filter(e -> !addedKeys.contains(e.entryKey)).toList();
        return Templates.version(v, new Diff(cap(added), cap(changed), cap(removed))).data("navSection", "screening");
    }

    private static List<ListEntry> cap(List<ListEntry> l) {
        return l.size() > DIFF_ROWS ? l.subList(0, DIFF_ROWS) : l;
    }

    @GET
    @Path("import")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance importForm() {
        return Templates.importForm(new FormErrors(), ListVersion.current().orElse(null)).data("navSection", "screening");
    }

    @POST
    @Path("import")
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed(Roles.SENIOR_OFFICER)
    @Transactional
    public Response importList(@RestForm("file") FileUpload file) {
        FormErrors errors = new FormErrors();
        if (file == null || file.size() == 0) {
            errors.add("file", "Choose the list file to import");
            return Response.status(400).entity(Templates.importForm(errors, ListVersion.current().orElse(null))
                    .data("navSection", "screening")).build();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long jobId;
        try {
            jobId = importer.startImport(content, file.fileName(),
                    new ListImporter.Actor(currentUser.subject(), currentUser.displayName(), false));
        } catch (MalformedListException e) {
            errors.add("file", "The file was refused. " + e.getMessage() + " Nothing was imported; the list in force is unchanged.");
            return Response.status(400).entity(Templates.importForm(errors, ListVersion.current().orElse(null))
                    .data("navSection", "screening")).build();
        }
        audit.record("screening.list.import-requested", "screening_job", jobId, null, AuditLog.state("file", file.fileName(),
                "sha256", ListEntryData.sha256Hex(content), "bytes", content.length));
        return Response.seeOther(URI.create("/screening/jobs/" + jobId)).build();
    }

    @GET
    @Path("jobs/{id}")
    public TemplateInstance job(@PathParam("id") long id) {
        ScreeningJob j = ScreeningJob.findById(id);
        if (j == null) {
            throw new NotFoundException();
        }
        return Templates.job(j).data("navSection", "screening");
    }

    @GET
    @Path("entries/new")
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public TemplateInstance newEntry() {
        return Templates.newEntry(new EntryForm(null, null, null, null, null, null), new FormErrors())
                .data("navSection", "screening");
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response addEntry(@RestForm String name, @RestForm String altNames, @RestForm String address,
            @RestForm String country, @RestForm String source, @RestForm String reason) {
        EntryForm form = new EntryForm(name, altNames, address, country, source, reason);
        FormErrors errors = new FormErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", "Enter the listed party's name");
        } else if (name.length() > 300 || NameKeys.key(name) == null) {
            errors.add("name", "Enter a name of 300 characters or fewer, with letters or characters");
        }
        if (country != null && !country.isBlank() && Countries.code(country) == null) {
            errors.add("country", "Enter a country name or its two-letter code, for example China or CN");
        }
        if (reason == null || reason.strip().length() < 5) {
            errors.add("reason", "Say why the entry is added, for example the Federal Register notice (at least 5 characters)");
        }
        if (errors.isAny()) {
            return Response.status(400).entity(Templates.newEntry(form, errors).data("navSection", "screening")).build();
        }
        List<String> alts = altNames == null ? List.of()
                : altNames.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        ListEntry e = editor.add(name, alts, blank(address), blank(country), blank(source), reason.strip());
        return Response.seeOther(URI.create("/screening/entries/" + e.id)).build();
    }

    @GET
    @Path("entries/{id}")
    public TemplateInstance entry(@PathParam("id") long id) {
        ListEntry e = ListEntry.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        return Templates.entry(e, ListEntry.list("entryKey = ?1 order by id desc", e.entryKey), new FormErrors(), null)
                .data("navSection", "screening");
    }

    @POST
    @Path("entries/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SENIOR_OFFICER)
    public Response retire(@PathParam("id") long id, @RestForm String reason) {
        ListEntry e = ListEntry.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        if (reason == null || reason.strip().length() < 5) {
            FormErrors errors = new FormErrors().add("reason", "Say why the entry is retired (at least 5 characters)");
            return Response.status(400).entity(Templates.entry(e, ListEntry.list("entryKey = ?1 order by id desc", e.entryKey),
                    errors, reason).data("navSection", "screening")).build();
        }
        editor.retire(id, reason.strip());
        return Response.seeOther(URI.create("/screening/entries/" + id)).build();
    }

    @GET
    @Path("hits")
    public TemplateInstance hits() {
        return Templates.hits(screening.openHits(200),
                ScreeningJob.<ScreeningJob> find("kind = ?1 order by id desc", ScreeningJob.Kind.RESCREEN).page(0, 3).list())
                .data("navSection", "screening");
    }

    @GET
    @Path("hits/{id}")
    public TemplateInstance hit(@PathParam("id") long id) {
        return hitPage(id, new FormErrors(), null, null, 200);
    }

    @POST
    @Path("hits/{id}/disposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object dispose(@PathParam("id") long id, @RestForm String decision, @RestForm String reason, @RestForm Integer version) {
        ScreeningHit hit = ScreeningHit.findById(id);
        if (hit == null) {
            throw new NotFoundException();
        }
        FormErrors errors = new FormErrors();
        Disposition.Decision d = null;
        try {
            d = decision == null ? null : Disposition.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            d = null;
        }
        if (d == null) {
            errors.add("decision-true", "Choose whether the party is the listed entry (true match) or not (false positive)");
        }
        if (reason == null || reason.strip().length() < 5) {
            errors.add("reason", "Give the reason for your decision (at least 5 characters)");
        } else if (reason.length() > 2000) {
            errors.add("reason", "The reason must be 2,000 characters or fewer");
        }
        if (version == null) {
            errors.add("reason", "The form is out of date; reload the page and decide again");
        }
        if (errors.isAny()) {
            return Response.status(400).entity(((TemplateInstance) hitPage(id, errors, decision, reason, 400))).build();
        }
        screening.dispose(id, version, d, reason);
        return Response.seeOther(URI.create("/screening/hits/" + id)).build();
    }

    private TemplateInstance hitPage(long id, FormErrors errors, String decision, String reason, int status) {
        ScreeningHit hit = ScreeningHit.findById(id);
        if (hit == null) {
            throw new NotFoundException();
        }
        ScreeningRun latest = ScreeningRun.latest(hit.run.subjectType, hit.run.subjectId);
        List<ScreeningHit> others = ScreeningHit.list("run = ?1 and id <> ?2 order by score desc", hit.run, hit.id);
        return Templates.hit(hit, others, latest.id.equals(hit.run.id), errors, decision, reason).data("navSection", "screening");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
