package gov.exports.portal.congress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import gov.exports.portal.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports bill and member data. A file is parsed and checked completely before anything is written; then the
 * whole file is merged in one transaction (all or nothing). Re-importing is idempotent: actions and cosponsors
 * are matched, never duplicated; withdrawals are marked; curation (tracked, tags, plain summary) is never touched.
 * Every import, accepted or refused, leaves a {@link BillImport} record and an audit entry.
 */
@ApplicationScoped
public class BillImportService {

    private static final Logger LOG = Logger.getLogger(BillImportService.class);

    public static final int MAX_ZIP_ENTRIES = 20_000;
    public static final long MAX_ZIP_UNCOMPRESSED = 1024L * 1024 * 1024;
    private static final int MESSAGE_LIMIT = 19_000;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Imports an uploaded file of any supported format (detected from its content). */
    @ChangesTracker
    public ImportOutcome importFile(String fileName, byte[] content, BillImport.SourceKind kind, boolean trackNew, Actor actor) {
        String name = safeName(fileName);
        BillImport.Format format = null;
        List<BillData> bills = null;
        LegislatorsYamlParser.Parsed yaml = null;
        try {
            format = detect(content, name);
            switch (format) {
                case BILLSTATUS_XML -> bills = List.of(BillStatusXmlParser.parse(content, name));
                case BILLSTATUS_ZIP -> bills = unzip(content, name);
                case API_JSON -> bills = List.of(CongressApiJsonParser.parse(content, name));
                default -> {
                    yaml = LegislatorsYamlParser.parse(content, name);
                    format = yaml.format();
                }
            }
        } catch (ImportRefusedException e) {
            refuse(name, kind, e.format() != null ? e.format() : format, e.getMessage(), actor);
            throw e;
        }
        return apply(name, format, bills, yaml, kind, trackNew, actor);
    }

    /** Imports a bundle of congress.gov API responses for one bill (from {@link CongressApiClient}). */
    @ChangesTracker
    public ImportOutcome importApiBundle(JsonNode bundle, String name, BillImport.SourceKind kind, Actor actor) {
        BillData d;
        try {
            d = CongressApiJsonParser.parse(bundle, name);
        } catch (ImportRefusedException e) {
            refuse(name, kind, BillImport.Format.API_JSON, e.getMessage(), actor);
            throw e;
        }
        return apply(name, BillImport.Format.API_JSON, List.of(d), null, kind, false, actor);
    }

    private ImportOutcome apply(String name, BillImport.Format format, List<BillData> bills, LegislatorsYamlParser.Parsed yaml,
            BillImport.SourceKind kind, boolean trackNew, Actor actor) {
        try {
            return QuarkusTransaction.requiringNew().timeout(1800).call(() -> {
                ImportOutcome out = new ImportOutcome();
                out.format = format;
                List<Runnable> audits = new ArrayList<>();
                if (bills != null) {
                    int i = 0;
                    for (BillData d : bills) {
                        applyBill(d, trackNew, out, audits, actor);
                        if (++i % 200 == 0) {
                            em.flush();
                            em.clear();
                            LOG.infof("Import %s: %d of %d bills merged", name, i, bills.size());
                        }
                    }
                } else if (yaml.members() != null) {
                    applyMembers(yaml.members(), out);
                } else if (yaml.committees() != null) {
                    applyCommittees(yaml.committees(), out);
                } else {
                    applySeats(yaml.seats(), out);
                }
                BillImport record = record(name, kind, format, BillImport.Outcome.IMPORTED, actor);
                record.billsCreated = out.billsCreated;
                record.billsUpdated = out.billsUpdated;
                record.billsUnchanged = out.billsUnchanged;
                record.actionsAdded = out.actionsAdded;
                record.cosponsorsAdded = out.cosponsorsAdded;
                record.cosponsorsWithdrawn = out.cosponsorsWithdrawn;
                record.membersSaved = out.membersSaved;
                record.committeesSaved = out.committeesSaved;
                record.message = limit(out.summary() + (out.lines.isEmpty() ? "" : "\n" + String.join("\n", out.lines)));
                record.persist();
                em.flush();
                out.importId = record.id;
                // audit entries last: the audit chain's lock is then held only until commit
                audits.forEach(Runnable::run);
                write(actor, "bill-import.recorded", "bill_import", record.id, null, AuditLog.state("file", name, "source",
                        kind.name(), "format", format.name(), "outcome", "IMPORTED", "summary", out.summary()));
                return out;
            });
        } catch (ImportRefusedException e) {
            refuse(name, kind, format, e.getMessage(), actor);
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import of %s failed", name);
            String message = name + " could not be stored: a value in it breaks one of the tracker's rules "
                    + "(for example a field longer than allowed). Nothing was imported.";
            refuse(name, kind, format, message, actor);
            throw new ImportRefusedException(message, format, e);
        }
    }

    // ---- bills ----

    private void applyBill(BillData d, boolean trackNew, ImportOutcome out, List<Runnable> audits, Actor actor) {
        Bill b = Bill.find(d.congress, d.type, d.number).orElse(null);
        boolean created = b == null;
        Map<String, Object> before = created ? null : snapshot(b);
        if (created) {
            if (!d.hasBillPart || d.titleDisplay == null) {
                throw new ImportRefusedException("The file has parts of " + d.label() + " (" + BillNumbers.ordinal(d.congress)
                        + " Congress) but not the bill itself, and the tracker does not know that bill yet. Import the bill's "
                        + "own response (/bill/" + d.congress + "/" + d.type + "/" + d.number + ") first. Nothing was imported.");
            }
            b = new Bill();
            b.congress = d.congress;
            b.billType = d.type;
            b.number = d.number;
            b.tracked = trackNew;
        }
        boolean newer = b.sourceUpdatedAt == null || d.updateDate == null || !d.updateDate.isBefore(b.sourceUpdatedAt);
        List<String> notes = new ArrayList<>();
        if (d.hasBillPart && (created || newer)) {
            b.titleDisplay = SourceText.abbreviate(first(d.titleDisplay, d.titleShort, d.titleOfficial, b.titleDisplay), 2000);
            b.titleOfficial = first(d.titleOfficial, b.titleOfficial);
            b.titleShort = first(d.titleShort, b.titleShort);
            b.introducedDate = first(d.introducedDate, b.introducedDate);
            b.originChamber = first(d.originChamber, b.originChamber, BillNumbers.chamberOf(d.type));
            b.policyArea = first(d.policyArea, b.policyArea);
            b.legislationUrl = first(d.legislationUrl, b.legislationUrl);
            b.sourceUpdatedAt = first(d.updateDate, b.sourceUpdatedAt);
            if (d.latestActionDate != null && d.latestActionText != null) {
                b.latestActionDate = d.latestActionDate;
                b.latestActionText = d.latestActionText;
            }
            if (d.sponsor != null) {
                b.sponsor = ensureMember(d.sponsor, d.type);
            }
        } else if (d.hasBillPart) {
            notes.add("file older than the data already held: bill details kept");
        }
        if (created || newer) {
            if (d.policyArea != null && b.policyArea == null) {
                b.policyArea = d.policyArea;
            }
            replaceIfChanged(b.titles, d.titles);
            replaceIfChanged(b.committees, d.committees);
            replaceIfChanged(b.relatedBills, d.related);
            replaceIfChanged(b.textVersions, d.textVersions);
            replaceIfChanged(b.summaries, d.summaries);
            if (d.subjects != null && !new LinkedHashSet<>(d.subjects).equals(b.subjects)) {
                b.subjects.retainAll(d.subjects);
                b.subjects.addAll(d.subjects);
            }
            if (d.laws != null && !new LinkedHashSet<>(d.laws).equals(b.laws)) {
                b.laws.clear();
                b.laws.addAll(d.laws);
            }
        }
        if (created) {
            b.persist();
        }

        int actionsAdded = 0;
        if (d.actions != null && !d.actions.isEmpty()) {
            Set<String> known = created ? new HashSet<>()
                    : new HashSet<>(em.createQuery("select a.actionKey from BillAction a where a.bill = :b", String.class)
                            .setParameter("b", b).getResultList());
            Map<String, Integer> occurrences = new HashMap<>();
            for (BillData.Action a : d.actions) {
                String base = actionKey(a);
                int n = occurrences.merge(base, 1, Integer::sum);
                String key = n == 1 ? base : base + "#" + n;
                if (known.add(key)) {
                    BillAction action = new BillAction();
                    action.bill = b;
                    action.actionDate = a.date();
                    action.actionTime = a.time();
                    action.sourceCode = a.sourceCode();
                    action.sourceName = a.sourceName();
                    action.text = SourceText.abbreviate(a.text(), 10_000);
                    action.actionCode = SourceText.abbreviate(a.code(), 20);
                    action.actionType = SourceText.abbreviate(a.type(), 100);
                    action.committeeCode = a.committeeCode();
                    action.actionKey = key;
                    action.persist();
                    actionsAdded++;
                }
            }
        }

        int cosponsorsAdded = 0;
        int withdrawn = 0;
        if (d.cosponsors != null && !d.cosponsors.isEmpty()) {
            Map<String, Cosponsorship> existing = new HashMap<>();
            if (!created) {
                for (Cosponsorship c : Cosponsorship.<Cosponsorship> list("bill", b)) {
                    existing.put(c.member.bioguideId, c);
                }
            }
            for (BillData.Cosponsor c : d.cosponsors) {
                Cosponsorship cs = existing.get(c.person().bioguideId());
                if (cs == null) {
                    cs = new Cosponsorship();
                    cs.bill = b;
                    cs.member = ensureMember(c.person(), d.type);
                    cs.sponsorshipDate = c.sponsorshipDate();
                    cs.original = c.original();
                    cs.withdrawnDate = c.withdrawnDate();
                    cs.persist();
                    existing.put(c.person().bioguideId(), cs);
                    cosponsorsAdded++;
                    if (c.withdrawnDate() != null) {
                        withdrawn++;
                    }
                } else if (c.withdrawnDate() != null && cs.withdrawnDate == null) {
                    cs.withdrawnDate = c.withdrawnDate();
                    withdrawn++;
                } else if (cs.sponsorshipDate == null && c.sponsorshipDate() != null) {
                    cs.sponsorshipDate = c.sponsorshipDate();
                }
            }
        }
        em.flush();

        List<BillAction> all = BillAction.list("bill", b);
        BillStatusDerivation.Derived derived = BillStatusDerivation.derive(all.stream().map(BillAction::facts).toList(), !b.laws.isEmpty());
        b.status = derived.status();
        b.statusDate = derived.statusDate();
        if (b.latestActionDate == null && !all.isEmpty()) {
            BillAction latest = all.stream().max(java.util.Comparator.comparing((BillAction a) -> a.actionDate)
                    .thenComparing(a -> a.actionTime, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).get();
            b.latestActionDate = latest.actionDate;
            b.latestActionText = latest.text;
        } else if (!all.isEmpty()) {
            BillAction latest = all.stream().max(java.util.Comparator.comparing((BillAction a) -> a.actionDate)).get();
            if (latest.actionDate.isAfter(b.latestActionDate)) {
                b.latestActionDate = latest.actionDate;
                b.latestActionText = latest.text;
            }
        }
        b.searchText = BillSearchText.of(b);

        Map<String, Object> after = snapshot(b);
        String label = b.label() + " (" + BillNumbers.ordinal(b.congress) + ")";
        if (created || !after.equals(before)) {
            b.changedAt = OffsetDateTime.now();
            if (created) {
                out.billsCreated++;
            } else {
                out.billsUpdated++;
            }
            out.actionsAdded += actionsAdded;
            out.cosponsorsAdded += cosponsorsAdded;
            out.cosponsorsWithdrawn += withdrawn;
            StringBuilder line = new StringBuilder(label).append(created ? ": created" : ": updated");
            line.append(" — ").append(actionsAdded).append(" new actions, ").append(cosponsorsAdded).append(" new cosponsors");
            if (withdrawn > 0) {
                line.append(", ").append(withdrawn).append(withdrawn == 1 ? " cosponsor withdrawn" : " cosponsors withdrawn");
            }
            line.append("; status ").append(b.status.words());
            notes.forEach(n -> line.append("; ").append(n));
            out.lines.add(line.toString());
            Long id = b.id;
            audits.add(() -> write(actor, created ? "bill.imported" : "bill.updated", "bill", id, before, after));
        } else {
            out.billsUnchanged++;
            out.lines.add(label + ": unchanged" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        }
    }

    /** The facts of a bill the audit trail keeps before and after each change. */
    static Map<String, Object> snapshot(Bill b) {
        long actions = b.id == null ? 0 : BillAction.count("bill", b);
        long cosponsors = b.id == null ? 0 : Cosponsorship.count("bill = ?1 and withdrawnDate is null", b);
        long withdrawn = b.id == null ? 0 : Cosponsorship.count("bill = ?1 and withdrawnDate is not null", b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bill", b.label());
        m.put("congress", b.congress);
        m.put("title", b.titleDisplay);
        m.put("status", b.status.name());
        m.put("statusDate", b.statusDate == null ? null : b.statusDate.toString());
        m.put("latestActionDate", b.latestActionDate == null ? null : b.latestActionDate.toString());
        m.put("sponsor", b.sponsor == null ? null : b.sponsor.bioguideId);
        m.put("actions", actions);
        m.put("cosponsors", cosponsors);
        m.put("withdrawnCosponsors", withdrawn);
        m.put("subjects", b.subjects.size());
        m.put("titles", b.titles.size());
        m.put("committees", b.committees.size());
        m.put("textVersions", b.textVersions.size());
        m.put("summaries", b.summaries.size());
        m.put("relatedBills", b.relatedBills.size());
        m.put("laws", b.laws.stream().map(l -> l.lawNumber).sorted().toList());
        m.put("tracked", b.tracked);
        return m;
    }

    static String actionKey(BillData.Action a) {
        String text = a.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String source = a.sourceName() == null ? "" : a.sourceName().toLowerCase(Locale.ROOT).strip();
        String raw = a.date() + "|" + (a.code() == null ? "" : a.code().strip()) + "|" + source + "|" + text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Member ensureMember(BillData.Person p, String billType) {
        Member m = Member.findById(p.bioguideId());
        if (m != null) {
            return m;
        }
        m = new Member();
        m.bioguideId = p.bioguideId();
        m.firstName = p.firstName() == null ? null : SourceText.abbreviate(p.displayName().split(" ")[0], 100);
        String last = p.lastName();
        if (last == null && p.fullName() != null && p.fullName().contains(",")) {
            String f = p.fullName();
            last = f.substring(f.indexOf(' ') + 1, f.indexOf(','));
        }
        m.lastName = SourceText.abbreviate(last == null ? p.bioguideId() : last, 100);
        m.fullName = SourceText.abbreviate(p.displayName() == null ? m.lastName : p.displayName(), 200);
        m.party = p.party() != null && p.party().matches("[A-Z]{1,3}") ? p.party() : null;
        m.state = p.state() != null && p.state().matches("[A-Z]{2}") ? p.state() : null;
        m.district = p.district() != null && p.district() >= 0 && p.district() <= 99 ? p.district() : null;
        m.chamber = p.chamber() != null ? p.chamber() : BillNumbers.chamberOf(billType);
        m.source = "bill";
        m.persist();
        return m;
    }

    private static <T> void replaceIfChanged(List<T> current, List<T> incoming) {
        if (incoming != null && !incoming.equals(current)) {
            current.clear();
            current.addAll(incoming);
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    // ---- members and committees ----

    private void applyMembers(List<LegislatorsYamlParser.MemberData> members, ImportOutcome out) {
        for (LegislatorsYamlParser.MemberData md : members) {
            Member m = Member.findById(md.bioguideId());
            boolean created = m == null;
            if (created) {
                m = new Member();
                m.bioguideId = md.bioguideId();
            }
            m.firstName = md.firstName();
            m.lastName = md.lastName();
            m.fullName = md.fullName();
            m.source = "legislators";
            m.updatedAt = OffsetDateTime.now();
            Member.Term last = md.lastTerm();
            if (last != null) {
                m.chamber = last.chamber;
                m.state = last.state;
                m.district = last.district;
                m.party = last.party;
            }
            Map<String, Member.Term> unique = new LinkedHashMap<>();
            for (Member.Term t : md.terms()) {
                unique.putIfAbsent(t.chamber + t.startDate, t);
            }
            m.terms.clear();
            m.terms.addAll(unique.values());
            if (created) {
                m.persist();
            }
            out.membersSaved++;
        }
        out.lines.add(out.membersSaved + " members saved with their terms");
    }

    private void applyCommittees(List<LegislatorsYamlParser.CommitteeData> committees, ImportOutcome out) {
        for (LegislatorsYamlParser.CommitteeData cd : committees) {
            Committee c = Committee.findById(cd.code());
            if (c == null) {
                c = new Committee();
                c.code = cd.code();
                c.systemCode = Committee.systemCodeOf(cd.code());
                c.name = cd.name();
                c.chamber = cd.chamber();
                c.parentCode = cd.parentCode();
                c.persist();
                em.flush();
            } else {
                c.name = cd.name();
                c.chamber = cd.chamber();
                c.parentCode = cd.parentCode();
            }
            out.committeesSaved++;
        }
        out.lines.add(out.committeesSaved + " committees and subcommittees saved");
    }

    private void applySeats(List<LegislatorsYamlParser.SeatData> seats, ImportOutcome out) {
        Set<String> codes = new LinkedHashSet<>();
        seats.forEach(s -> codes.add(s.committeeCode()));
        Set<String> knownCommittees = new HashSet<>(em.createQuery("select c.code from Committee c where c.code in :codes", String.class)
                .setParameter("codes", codes.isEmpty() ? Set.of("-") : codes).getResultList());
        if (!knownCommittees.isEmpty()) {
            CommitteeSeat.delete("committeeCode in ?1", knownCommittees);
        }
        int unknownMember = 0;
        Set<String> unknownCommittee = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (LegislatorsYamlParser.SeatData s : seats) {
            if (!knownCommittees.contains(s.committeeCode())) {
                unknownCommittee.add(s.committeeCode());
                continue;
            }
            if (Member.findById(s.bioguideId()) == null) {
                unknownMember++;
                continue;
            }
            if (!seen.add(s.committeeCode() + s.bioguideId())) {
                continue;
            }
            CommitteeSeat seat = new CommitteeSeat();
            seat.committeeCode = s.committeeCode();
            seat.bioguideId = s.bioguideId();
            seat.side = s.side();
            seat.rank = s.rank() != null && s.rank() > 0 ? s.rank() : null;
            seat.title = SourceText.abbreviate(s.title(), 100);
            seat.persist();
            out.committeesSaved++;
        }
        out.lines.add(out.committeesSaved + " committee seats saved");
        if (unknownMember > 0) {
            out.lines.add(unknownMember + " seats skipped: member not known yet (import legislators-current.yaml first)");
        }
        if (!unknownCommittee.isEmpty()) {
            out.lines.add(unknownCommittee.size() + " committees skipped: not known yet (import committees-current.yaml first)");
        }
    }

    // ---- records ----

    private BillImport record(String name, BillImport.SourceKind kind, BillImport.Format format, BillImport.Outcome outcome, Actor actor) {
        BillImport r = new BillImport();
        r.actorSubject = actor.subject();
        r.actorName = actor.name();
        r.sourceKind = kind;
        r.fileName = name;
        r.format = format;
        r.outcome = outcome;
        return r;
    }

    /** A refused file is recorded in its own transaction: the import's own work was rolled back. */
    private void refuse(String name, BillImport.SourceKind kind, BillImport.Format format, String message, Actor actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            BillImport r = record(name, kind, format, BillImport.Outcome.REFUSED, actor);
            r.message = limit(message);
            r.persist();
            em.flush();
            write(actor, "bill-import.refused", "bill_import", r.id, null,
                    AuditLog.state("file", name, "source", kind.name(), "format", format == null ? null : format.name(),
                            "outcome", "REFUSED", "reason", SourceText.abbreviate(message, 500)));
        });
    }

    private void write(Actor actor, String action, String type, Object id, Object before, Object after) {
        if (actor.system()) {
            audit.recordSystem(action, type, id, before, after);
        } else {
            audit.record(action, type, id, before, after);
        }
    }

    private static String limit(String s) {
        return s.length() <= MESSAGE_LIMIT ? s : s.substring(0, MESSAGE_LIMIT) + "\n… (more lines not kept)";
    }

    // ---- formats ----

    static BillImport.Format detect(byte[] content, String name) {
        if (content.length == 0) {
            throw new ImportRefusedException(name + " is empty. Nothing was imported.");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return BillImport.Format.BILLSTATUS_ZIP;
        }
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i < content.length && content[i] == '<') {
            return BillImport.Format.BILLSTATUS_XML;
        }
        if (i < content.length && content[i] == '{') {
            return BillImport.Format.API_JSON;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || (i < content.length && (content[i] == '-' || Character.isLetter(content[i])))) {
            return BillImport.Format.LEGISLATORS_YAML;
        }
        throw new ImportRefusedException(name + " is not a file this portal imports: expected BILLSTATUS XML (or a zip of them), "
                + "congress.gov API JSON, or congress-legislators YAML. Nothing was imported.");
    }

    /** Reads every BILLSTATUS file of a zip, counting real bytes (never trusting the zip's own size fields). */
    static List<BillData> unzip(byte[] zip, String name) {
        List<BillData> out = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            byte[] buffer = new byte[64 * 1024];
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String entry = e.getName();
                String base = entry.substring(entry.lastIndexOf('/') + 1);
                if (entry.startsWith("__MACOSX/") || base.startsWith(".") || !base.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new ImportRefusedException(name + " holds more than " + MAX_ZIP_ENTRIES + " files. Split it. Nothing was imported.",
                            BillImport.Format.BILLSTATUS_ZIP, null);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    bytes.write(buffer, 0, n);
                    total += n;
                    if (bytes.size() > BillStatusXmlParser.MAX_BYTES) {
                        throw new ImportRefusedException(name + ": " + base + " is larger than 25 MB once unpacked. Nothing was imported.",
                                BillImport.Format.BILLSTATUS_ZIP, null);
                    }
                    if (total > MAX_ZIP_UNCOMPRESSED) {
                        throw new ImportRefusedException(name + " unpacks to more than 1 GB. Nothing was imported.",
                                BillImport.Format.BILLSTATUS_ZIP, null);
                    }
                }
                try {
                    out.add(BillStatusXmlParser.parse(bytes.toByteArray(), base));
                } catch (ImportRefusedException bad) {
                    throw new ImportRefusedException(name + ": " + bad.getMessage(), BillImport.Format.BILLSTATUS_ZIP, bad);
                }
            }
        } catch (ZipException ze) {
            throw new ImportRefusedException(name + " is not a readable zip file: " + ze.getMessage() + ". Nothing was imported.",
                    BillImport.Format.BILLSTATUS_ZIP, ze);
        } catch (IOException io) {
            throw new ImportRefusedException(name + " could not be read: " + io.getMessage() + ". Nothing was imported.",
                    BillImport.Format.BILLSTATUS_ZIP, io);
        }
        if (out.isEmpty()) {
            throw new ImportRefusedException(name + " holds no BILLSTATUS XML files. Nothing was imported.", BillImport.Format.BILLSTATUS_ZIP, null);
        }
        return out;
    }

    static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        return SourceText.abbreviate(base.isBlank() ? "upload" : base, 200);
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
