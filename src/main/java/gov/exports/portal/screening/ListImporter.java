package gov.exports.portal.screening;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jakarta.annotation.PreDestroy;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import gov.exports.portal.audit.AuditLog;
import io.quarkus.arc.Arc;

/**
 * Imports a published list file as a new list version, in one transaction: the file is read through once to check
 * it (a malformed file is refused with its line and reason before anything is written; nothing of it is kept), then
 * read again entry by entry and staged with COPY in chunks, and compared with the entries in force set-wise in SQL,
 * so tens of thousands of rows take seconds and the parsed list is never held in memory as a whole.
 */
@ApplicationScoped
public class ListImporter {

    private static final Logger LOG = Logger.getLogger(ListImporter.class);
    /** Entries staged per COPY: what is held in memory at once while writing. */
    static final int COPY_CHUNK = 2000;
    /** Serialises every change of the list (imports and hand edits). */
    static final long LIST_LOCK = 7316400020L;

    public record Actor(String subject, String name, boolean system) {
    }

    public record ImportResult(long versionId, ListFormat format, int entries, int added, int changed, int removed) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ScreeningJobs jobs;

    @Inject
    gov.exports.portal.account.CurrentUser currentUser;

    @Inject
    Event<ListVersionPublished> published;

    /** One import at a time in the background; no request or transaction context carried over. */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(1)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Reads, checks and imports a file now; progress goes to the job record (if any) as it happens. */
    public ImportResult importFile(byte[] content, String fileName, Actor actor, Long jobId) {
        ListFileParser.Summary checked = check(content, jobId);
        return write(content, checked, fileName, ListEntryData.sha256Hex(content), actor, jobId);
    }

    /**
     * For an official's upload: the file is read and checked at once (a malformed file is refused right away with
     * its line), then written in the background while the job record shows the progress. Returns the job id.
     */
    public Long startImport(byte[] content, String fileName, Actor actor) {
        // checked now, keeping nothing but the count; the job reads the same bytes again to write them
        ListFileParser.Summary checked = ListFileParser.read(content, n -> { }, e -> { });
        String sha = ListEntryData.sha256Hex(content);
        Long jobId = jobs.start(ScreeningJob.Kind.IMPORT, fileName, actor.name(), checked.entries());
        jobs.progress(jobId, "Waiting for the previous import to finish", 0, checked.entries());
        executor.runAsync(() -> {
            try {
                write(content, checked, fileName, sha, actor, jobId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Import of %s failed", fileName);
            }
        });
        return jobId;
    }

    private ListFileParser.Summary check(byte[] content, Long jobId) {
        jobs.progress(jobId, "Reading the file", 0, 0);
        try {
            return ListFileParser.read(content, n -> jobs.progress(jobId, "Reading the file", n, 0), e -> { });
        } catch (MalformedListException e) {
            jobs.fail(jobId, "Refused: " + e.getMessage() + " Nothing was imported; the list in force is unchanged.");
            throw e;
        }
    }

    private ImportResult write(byte[] content, ListFileParser.Summary checked, String fileName, String sha, Actor actor,
            Long jobId) {
        try {
            ImportResult r = store(content, checked, fileName, sha, actor, jobId);
            jobs.finish(jobId, r.versionId(), String.format("Version %d: %d entries (%d added, %d changed, %d removed).",
                    r.versionId(), r.entries(), r.added(), r.changed(), r.removed()));
            return r;
        } catch (RuntimeException e) {
            jobs.fail(jobId, "The import failed and was rolled back; the list in force is unchanged.");
            throw e;
        }
    }

    @Transactional
    ImportResult store(byte[] content, ListFileParser.Summary checked, String fileName, String sha, Actor actor, Long jobId) {
        long started = System.nanoTime();
        int total = checked.entries();
        String scope = checked.format().scopeSource();
        StringBuilder phases = new StringBuilder();
        ImportResult result = em.unwrap(Session.class).doReturningWork(c -> {
            lock(c);
            long version;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO screening_list_version (kind, format, scope_source, file_name, file_sha256,
                        created_by_subject, created_by_name)
                    VALUES ('IMPORT', ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setString(1, checked.format().name());
                ps.setString(2, scope);
                ps.setString(3, fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
                ps.setString(4, sha);
                ps.setString(5, actor.subject());
                ps.setString(6, actor.name());
                version = single(ps);
            }
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TEMP TABLE screening_import_entry (entry_key text, source text, entity_type text, name text,
                          title text, alt_names jsonb, addresses jsonb, programs text, federal_register_notice text,
                          start_date date, end_date date, license_requirement text, license_policy text, remarks text,
                          source_list_url text, content_hash text) ON COMMIT DROP""");
                st.execute("CREATE TEMP TABLE screening_import_name (entry_key text, kind text, original text, name_key text) ON COMMIT DROP");
            }
            jobs.progress(jobId, "Writing entries", 0, total);
            long t = System.nanoTime();
            copyEntries(c, content, total, jobId);
            phases.append("staged ").append(ms(t)).append(" ms, ");
            t = System.nanoTime();
            jobs.progress(jobId, "Comparing with the list in force", total, total);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX ON screening_import_entry (entry_key)");
                st.execute("ANALYZE screening_import_entry");
            }
            String inScope = "e.retired_in IS NULL AND e.origin = 'IMPORT' AND (?::text IS NULL OR e.source = ?::text)";
            int removed = update(c, "UPDATE screening_entry e SET retired_in = ?, retired_reason = 'Not in the imported file' WHERE "
                    + inScope + " AND NOT EXISTS (SELECT 1 FROM screening_import_entry s WHERE s.entry_key = e.entry_key)",
                    version, scope);
            int changed = update(c, "UPDATE screening_entry e SET retired_in = ?, retired_reason = 'Changed in the imported file' WHERE "
                    + inScope + " AND EXISTS (SELECT 1 FROM screening_import_entry s WHERE s.entry_key = e.entry_key"
                    + " AND s.content_hash <> e.content_hash)", version, scope);
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO screening_entry (entry_key, origin, source, entity_type, name, title, alt_names, addresses,
                        programs, federal_register_notice, start_date, end_date, license_requirement, license_policy,
                        remarks, source_list_url, content_hash, added_in)
                    SELECT s.entry_key, 'IMPORT', s.source, s.entity_type, s.name, s.title, s.alt_names, s.addresses,
                        s.programs, s.federal_register_notice, s.start_date, s.end_date, s.license_requirement,
                        s.license_policy, s.remarks, s.source_list_url, s.content_hash, ?
                    FROM screening_import_entry s
                    WHERE NOT EXISTS (SELECT 1 FROM screening_entry e WHERE e.entry_key = s.entry_key AND e.retired_in IS NULL)""")) {
                ps.setLong(1, version);
                inserted = ps.executeUpdate();
            }
            phases.append("compared and stored ").append(ms(t)).append(" ms, ");
            t = System.nanoTime();
            jobs.progress(jobId, "Indexing names", total, total);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO screening_name (entry_id, kind, original, name_key)
                    SELECT e.id, n.kind, n.original, n.name_key
                    FROM screening_import_name n JOIN screening_entry e ON e.entry_key = n.entry_key AND e.added_in = ?""")) {
                ps.setLong(1, version);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE screening_name SET active = false
                    WHERE active AND entry_id IN (SELECT id FROM screening_entry WHERE retired_in = ?)""")) {
                ps.setLong(1, version);
                ps.executeUpdate();
            }
            phases.append("names indexed ").append(ms(t)).append(" ms");
            int count = countInForce(c);
            int added = inserted - changed;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE screening_list_version SET entry_count = ?, added = ?, changed = ?, removed = ? WHERE id = ?")) {
                ps.setInt(1, count);
                ps.setInt(2, added);
                ps.setInt(3, changed);
                ps.setInt(4, removed);
                ps.setLong(5, version);
                ps.executeUpdate();
            }
            return new ImportResult(version, checked.format(), count, added, changed, removed);
        });
        Object after = AuditLog.state("version", result.versionId(), "format", checked.format().name(), "file", fileName,
                "sha256", sha, "entries", result.entries(), "added", result.added(), "changed", result.changed(),
                "removed", result.removed(), "requestedBy", actor.name());
        boolean byUserInRequest = !actor.system() && Arc.container().requestContext().isActive() && currentUser.isAuthenticated();
        if (!byUserInRequest) {
            // background imports write as the system; the official who asked is in the record and the version
            audit.recordSystem("screening.list.imported", "screening_list_version", result.versionId(), null, after);
        } else {
            audit.record("screening.list.imported", "screening_list_version", result.versionId(), null, after);
        }
        published.fire(new ListVersionPublished(result.versionId()));
        LOG.infof("Screening list version %d imported from %s in %d ms (%s): %d entries, +%d ~%d -%d", result.versionId(),
                fileName, ms(started), phases, result.entries(), result.added(), result.changed(), result.removed());
        return result;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LIST_LOCK);
            ps.execute();
        }
    }

    static int countInForce(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM screening_entry WHERE retired_in IS NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql, long version, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, version);
            ps.setString(2, scope);
            ps.setString(3, scope);
            return ps.executeUpdate();
        }
    }

    /**
     * Reads the (already checked) file again and stages its entries with COPY, {@link #COPY_CHUNK} at a time: only one
     * chunk of entries is in memory at once.
     */
    private void copyEntries(Connection c, byte[] content, int total, Long jobId) throws SQLException {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder(COPY_CHUNK * 400);
        StringBuilder names = new StringBuilder(COPY_CHUNK * 200);
        int[] pending = { 0 };
        int[] written = { 0 };
        Runnable flush = () -> {
            try {
                copy.copyIn("COPY screening_import_entry FROM STDIN", new StringReader(rows.toString()));
                copy.copyIn("COPY screening_import_name FROM STDIN", new StringReader(names.toString()));
            } catch (SQLException e) {
                throw new CopyFailed(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.setLength(0);
            names.setLength(0);
            written[0] += pending[0];
            pending[0] = 0;
            jobs.progress(jobId, "Writing entries", written[0], total);
        };
        try {
            ListFileParser.read(content, n -> { }, e -> {
                row(rows, e.key(), e.source(), e.entityType(), e.name(), e.title(), AuditLog.toJson(e.altNames()),
                        AuditLog.toJson(e.addresses()), e.programs(), e.federalRegisterNotice(),
                        e.startDate() == null ? null : e.startDate().toString(),
                        e.endDate() == null ? null : e.endDate().toString(), e.licenseRequirement(), e.licensePolicy(),
                        e.remarks(), e.sourceListUrl(), e.contentHash());
                for (NameRow n : nameRows(e)) {
                    row(names, e.key(), n.kind(), n.original(), n.key());
                }
                if (++pending[0] == COPY_CHUNK) {
                    flush.run();
                }
            });
            if (pending[0] > 0) {
                flush.run();
            }
        } catch (CopyFailed e) {
            throw e.getCause();
        }
        if (written[0] != total) {
            // the bytes were checked before; a different count means they changed under us
            throw new IllegalStateException("The file gave " + written[0] + " entries when written, " + total + " when checked.");
        }
    }

    /** A COPY failure carried out of the parser's sink. */
    private static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    record NameRow(String kind, String original, String key) {
    }

    /** The names stored for matching: the name, every alias, and the initials of a long name. */
    static List<NameRow> nameRows(ListEntryData e) {
        java.util.List<NameRow> out = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        String k = NameKeys.key(e.name());
        if (k != null) {
            out.add(new NameRow("NAME", e.name(), k));
            keys.add(k);
        }
        for (String a : e.altNames()) {
            String ak = NameKeys.key(a);
            if (ak != null && keys.add(ak + "\u0001" + a)) {
                out.add(new NameRow("ALIAS", a, ak));
            }
        }
        for (String acr : NameKeys.acronyms(e.name())) {
            if (keys.add(acr)) {
                out.add(new NameRow("ACRONYM", acr, acr));
            }
        }
        return out;
    }

    /** One line of PostgreSQL's COPY text format. */
    static void row(StringBuilder b, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            String v = values[i];
            if (v == null) {
                b.append("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(ch);
                }
            }
        }
        b.append('\n');
    }
}
