package gov.exports.portal.congress;

import gov.exports.portal.web.FormErrors;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.PortalConflictException;

/** The tracker editors' changes to a bill: tracked or not, topic and country tags, plain-language summary. */
@ApplicationScoped
public class BillCurationService {

    public static final List<String> COMMON_COUNTRIES = List.of("China", "Hong Kong", "Macau", "Russia", "Iran", "North Korea");
    public static final int MAX_TAGS = 12;
    public static final int MAX_SUMMARY = 5000;

    @Inject
    AuditLog audit;

    /** What the curation form carries. Lists are as typed; {@link #validate()} reports what is wrong. */
    public record Curation(boolean tracked, String topics, List<String> countries, String otherCountries, String plainSummary,
            Integer version) {

        public List<String> topicList() {
            return split(topics);
        }

        public List<String> countryList() {
            Set<String> all = new LinkedHashSet<>();
            if (countries != null) {
                countries.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(all::add);
            }
            all.addAll(split(otherCountries));
            return new ArrayList<>(all);
        }

        public boolean hasCountry(String c) {
            return countries != null && countries.contains(c);
        }

        public FormErrors validate() {
            FormErrors e = new FormErrors();
            checkTags(e, "topics", "topic", topicList());
            checkTags(e, "otherCountries", "country", countryList());
            if (plainSummary != null && plainSummary.strip().length() > MAX_SUMMARY) {
                e.add("plainSummary", "Plain-language summary must be " + MAX_SUMMARY + " characters or fewer (it has "
                        + plainSummary.strip().length() + ")");
            }
            if (version == null) {
                e.add("plainSummary", "The form is incomplete: reload the page and make your change again");
            }
            return e;
        }

        private static void checkTags(FormErrors e, String field, String what, List<String> tags) {
            if (tags.size() > MAX_TAGS) {
                e.add(field, "Enter at most " + MAX_TAGS + " " + what + " tags");
            }
            for (String t : tags) {
                if (t.length() > 60) {
                    e.add(field, "Each " + what + " tag must be 60 characters or fewer (\"" + SourceText.abbreviate(t, 30) + "\" is longer)");
                }
            }
        }

        static List<String> split(String s) {
            Set<String> out = new LinkedHashSet<>();
            if (s != null) {
                for (String part : s.split("[,\\n]")) {
                    String t = part.strip().replaceAll("\\s+", " ");
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                }
            }
            return new ArrayList<>(out);
        }
    }

    public static Curation of(Bill b) {
        List<String> countries = b.countries();
        List<String> common = countries.stream().filter(COMMON_COUNTRIES::contains).toList();
        List<String> other = countries.stream().filter(c -> !COMMON_COUNTRIES.contains(c)).toList();
        return new Curation(b.tracked, String.join(", ", b.topics()), common, String.join(", ", other),
                b.plainSummary, b.version);
    }

    /** Saves a validated curation; a stale version means someone else saved first. */
    @Transactional
    @ChangesTracker
    public Bill save(long billId, Curation c, Actor actor) {
        Bill b = Bill.findById(billId);
        if (b == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (c.version() == null || c.version() != b.version) {
            throw new PortalConflictException(b.label() + " changed while you were editing it (another editor saved, or an import updated it). "
                    + "Reload the page to see the current version, then make your change again.");
        }
        Map<String, Object> before = state(b);
        b.tracked = c.tracked();
        Set<Bill.Tag> tags = new LinkedHashSet<>();
        c.topicList().forEach(t -> tags.add(new Bill.Tag(Bill.TagKind.TOPIC, t)));
        c.countryList().forEach(t -> tags.add(new Bill.Tag(Bill.TagKind.COUNTRY, t)));
        if (!tags.equals(b.tags)) {
            b.tags.retainAll(tags);
            b.tags.addAll(tags);
        }
        String summary = c.plainSummary() == null || c.plainSummary().isBlank() ? null : c.plainSummary().strip();
        b.plainSummary = summary;
        Map<String, Object> after = state(b);
        if (!after.equals(before)) {
            b.searchText = BillSearchText.of(b);
            b.changedAt = OffsetDateTime.now();
            write(actor, "bill.curated", b.id, before, after);
        }
        return b;
    }

    @Transactional
    @ChangesTracker
    public Bill setTracked(long billId, boolean tracked, Integer version, Actor actor) {
        Bill b = current(billId, version);
        if (b.tracked != tracked) {
            Map<String, Object> before = state(b);
            b.tracked = tracked;
            b.changedAt = OffsetDateTime.now();
            write(actor, tracked ? "bill.tracked" : "bill.untracked", b.id, before, state(b));
        }
        return b;
    }

    /** Links the bill to the licence policy version it would change (or unlinks it with an empty code). */
    @Transactional
    @ChangesTracker
    public Bill linkPolicy(long billId, String policyCode, Integer version, Actor actor) {
        Bill b = current(billId, version);
        gov.exports.portal.policy.PolicyVersion policy = null;
        if (policyCode != null && !policyCode.isBlank()) {
            policy = gov.exports.portal.policy.PolicyVersion.<gov.exports.portal.policy.PolicyVersion> find("code", policyCode.strip())
                    .firstResultOptional().orElseThrow(() -> new gov.exports.portal.web.FormValidationException(new FormErrors().add(
                            "policyCode", "There is no policy version with the code " + policyCode.strip()
                                    + ". Choose a version from the list, or None.")));
        }
        String beforeCode = b.policyVersion == null ? null : b.policyVersion.code;
        String afterCode = policy == null ? null : policy.code;
        if (!java.util.Objects.equals(beforeCode, afterCode)) {
            b.policyVersion = policy;
            b.changedAt = OffsetDateTime.now();
            write(actor, "bill.policy-linked", b.id, AuditLog.state("bill", b.label(), "policyVersion", beforeCode),
                    AuditLog.state("bill", b.label(), "policyVersion", afterCode));
        }
        return b;
    }

    /** The bill as the editor saw it: a stale version means someone else changed it meanwhile. */
    private static Bill current(long billId, Integer version) {
        Bill b = Bill.findById(billId);
        if (b == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (version == null || version != b.version) {
            throw new PortalConflictException("Someone else changed " + b.label() + " while you were looking at it. "
                    + "Reload the page and try again.");
        }
        return b;
    }

    static Map<String, Object> state(Bill b) {
        return AuditLog.state("bill", b.label(), "congress", b.congress, "tracked", b.tracked, "topics", b.topics(),
                "countries", b.countries(), "plainSummary", b.plainSummary);
    }

    private void write(Actor actor, String action, Long id, Object before, Object after) {
        if (actor.system()) {
            audit.recordSystem(action, "bill", id, before, after);
        } else {
            audit.record(action, "bill", id, before, after);
        }
    }
}
