package gov.exports.portal.licence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.application.Application;
import gov.exports.portal.application.ApplicationService;
import gov.exports.portal.application.ApplicationSnapshot;
import gov.exports.portal.application.ApplicationStatus;
import gov.exports.portal.congress.Bill;
import gov.exports.portal.congress.BillStatus;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.policy.PolicyVersion;

/**
 * A policy event is a published policy version, or a tracked bill that became law and is linked to the policy version
 * that writes it down. Its impact: every active licence and open application whose goods, destination or customer the
 * event's rules no longer allow (the policy check, run against the event's version; certifications aside, which a
 * licence holder cannot go back and sign).
 */
@ApplicationScoped
public class PolicyEvents {

    static final EnumSet<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED);

    public record Event(String kind, Long id, String title, String detail, PolicyVersion rules, LocalDate on) {

        public String getPath() {
            return "/licences/policy-events/" + kind + "/" + id;
        }

        public String getSuspensionPath() {
            return getPath() + "/suspension";
        }

        /** Written into each suspension's audit record. */
        public String getReference() {
            return kind + ":" + id + " " + title;
        }
    }

    /** One licence or application the event affects, with what (destination, product, architecture, thresholds, customer). */
    @io.quarkus.qute.TemplateData
    public record Affected(Long licenceId, String licenceNumber, Long applicationId, String reference, String vendor,
            String status, String products, String customer, List<String> reasons) {
    }

    public record Impact(Event event, List<Affected> licences, List<Affected> applications, int licencesChecked) {

        public List<Long> getLicenceIds() {
            return licences.stream().map(Affected::licenceId).toList();
        }

        public String getLicenceIdsText() {
            return String.join(",", licences.stream().map(a -> String.valueOf(a.licenceId())).toList());
        }
    }

    @Inject
    ApplicationService applications;

    @Inject
    BulkSuspensions bulk;

    /**
     * Queues the suspension of every affected active licence with one reason (run all or nothing by {@link BulkSuspensions}),
     * provided the list is still the one the official was shown (otherwise 409: something changed meanwhile and they must
     * look again). Returns the job to follow; start it once this transaction has committed.
     */
    @jakarta.transaction.Transactional
    public Long suspendAffected(String kind, long id, String rawReason, String shownIds) {
        String reason = LicenceActions.reason(rawReason);
        Event event = event(kind, id);
        Impact impact = impact(event);
        if (!impact.getLicenceIdsText().equals(shownIds == null ? "" : shownIds.trim())) {
            throw new gov.exports.portal.web.PortalConflictException("The list of affected licences has changed since you opened it "
                    + "(a licence was issued, suspended or expired meanwhile). Nothing was suspended: check the new list and try again.");
        }
        if (impact.licences().isEmpty()) {
            throw new gov.exports.portal.web.PortalConflictException("No active licence is affected: there is nothing to suspend.");
        }
        return bulk.queue(event, impact.getLicenceIds(), reason);
    }

    public List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (Bill b : Bill.<Bill> list("from Bill b join fetch b.policyVersion where b.status = ?1 order by b.statusDate desc nulls last, b.id desc",
                BillStatus.BECAME_LAW)) {
            out.add(billEvent(b));
        }
        for (PolicyVersion v : PolicyVersion.<PolicyVersion> list("status = ?1 order by effectiveFrom desc, id desc",
                PolicyVersion.Status.PUBLISHED)) {
            out.add(policyEvent(v));
        }
        return out;
    }

    public Event event(String kind, long id) {
        if ("policy".equals(kind)) {
            PolicyVersion v = PolicyVersion.findById(id);
            if (v != null && v.status == PolicyVersion.Status.PUBLISHED) {
                return policyEvent(v);
            }
        } else if ("bill".equals(kind)) {
            Bill b = Bill.findById(id);
            if (b != null && b.status == BillStatus.BECAME_LAW && b.policyVersion != null) {
                return billEvent(b);
            }
        }
        throw new NotFoundException();
    }

    private static Event policyEvent(PolicyVersion v) {
        return new Event("policy", v.id, "Policy " + v.code + ": " + v.title, "Published licence policy, in force from " + v.effectiveFrom,
                v, v.effectiveFrom);
    }

    private static Event billEvent(Bill b) {
        return new Event("bill", b.id, b.label() + ": " + Objects.requireNonNullElse(b.titleShort, b.titleDisplay),
                "Became law" + (b.statusDate == null ? "" : " on " + b.statusDate) + "; its rules are written in policy "
                        + b.policyVersion.code,
                b.policyVersion, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Checks every active licence's application and every open application against the event's rules. The applications
     * and their check inputs are loaded in a fixed number of queries, however many there are.
     */
    public Impact impact(Event event) {
        List<Licence> active = Licence.list("from Licence l join fetch l.organisation where l.status = ?1 order by l.id", LicenceStatus.ACTIVE);
        List<Long> licensed = active.stream().map(l -> l.applicationId).toList();
        java.util.Map<Long, Application> byId = new java.util.HashMap<>();
        if (!licensed.isEmpty()) {
            Application.<Application> list("from Application a join fetch a.organisation where a.id in ?1", licensed)
                    .forEach(a -> byId.put(a.id, a));
        }
        List<Application> open = Application.list("from Application a join fetch a.organisation where a.status in ?1 order by a.submittedAt", OPEN);
        List<Application> all = new ArrayList<>(byId.values());
        open.stream().filter(a -> !byId.containsKey(a.id)).forEach(all::add);
        var inputs = applications.checkInputs(all);
        List<Affected> licences = new ArrayList<>();
        for (Licence l : active) {
            Application app = byId.get(l.applicationId);
            Affected a = affected(event, app, inputs.get(app.id), l);
            if (a != null) {
                licences.add(a);
            }
        }
        List<Affected> apps = new ArrayList<>();
        for (Application app : open) {
            Affected a = affected(event, app, inputs.get(app.id), null);
            if (a != null) {
                apps.add(a);
            }
        }
        return new Impact(event, licences, apps, active.size());
    }

    private Affected affected(Event event, Application app, PolicyCheck.Input input, Licence licence) {
        PolicyCheck.Result result = applications.check(input, event.rules(), event.on());
        List<String> reasons = result.items().stream()
                .filter(i -> i.outcome() != PolicyCheck.Outcome.MET && !"certifications".equals(i.subject()))
                .map(i -> i.label() + ": " + i.reason()).toList();
        if (reasons.isEmpty()) {
            return null;
        }
        ApplicationSnapshot s = applications.snapshotOf(app);
        String products = s == null ? "" : String.join(", ", s.lines().stream().map(l -> l.maker() + " " + l.model() + " (" + l.architecture() + ")").toList());
        String customer = s == null ? "" : String.join(", ", s.parties().stream().filter(p -> "ULTIMATE_CONSIGNEE".equals(p.role())).map(
                ApplicationSnapshot.Party::name).toList());
        return new Affected(licence == null ? null : licence.id, licence == null ? null : licence.number, app.id, app.reference,
                app.organisation.legalName, licence == null ? app.status.name() : licence.status.name(), products, customer, reasons);
    }
}
