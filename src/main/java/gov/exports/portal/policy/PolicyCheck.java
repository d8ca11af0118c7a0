package gov.exports.portal.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The policy pre-check: an application's products, parties and certifications against one policy version.
 * Every item says in plain English what was checked and why it passed or not. An EXCLUDED item (a product the
 * policy bars by name or architecture) stops submission; NOT_MET items are recorded for the reviewer.
 */
@ApplicationScoped
public class PolicyCheck {

    public enum Outcome { MET, NOT_MET, EXCLUDED }

    /** {@code subject} is "line:&lt;id&gt;", "party:&lt;role&gt;", "certifications" or "application". */
    public record Item(String subject, String label, Outcome outcome, String reason) {
        @JsonIgnore
        public boolean isMet() {
            return outcome == Outcome.MET;
        }
    }

    public record Result(String policyCode, String policyTitle, String legalBasis, LocalDate checkedOn, List<Item> items) {
        @JsonIgnore
        public boolean isBlocking() {
            return items.stream().anyMatch(i -> i.outcome() == Outcome.EXCLUDED);
        }

        @JsonIgnore
        public boolean isAllMet() {
            return items.stream().allMatch(Item::isMet);
        }

        @JsonIgnore
        public long getNotMetCount() {
            return items.stream().filter(i -> !i.isMet()).count();
        }

        public List<Item> about(String subject) {
            return items.stream().filter(i -> i.subject().equals(subject)).toList();
        }

        /** Items about one product line of the application. */
        public List<Item> aboutLine(Long lineId) {
            return about("line:" + lineId);
        }

        public boolean lineMet(Long lineId) {
            return aboutLine(lineId).stream().allMatch(Item::isMet);
        }

        public List<Item> aboutParty(String role) {
            return about("party:" + role);
        }
    }

    public record Line(Long id, String maker, String model, String architecture, int tpp, int dramBandwidthGbps,
            BigDecimal totalUsd) {
    }

    /** A party as named on the application; {@code customerStatus} is null when not from the registry. */
    public record Party(String role, String name, String country, Long approvedCustomerId, String customerStatus,
            LocalDate customerExpiresOn) {
    }

    public record Input(List<Line> lines, List<Party> parties, Set<String> certifications, BigDecimal declaredShipmentRatio) {
    }

    public Result evaluate(PolicyVersion policy, Input in, LocalDate on) {
        List<Item> items = new ArrayList<>();
        for (Line line : in.lines()) {
            items.addAll(products(policy, line));
        }
        for (Party p : in.parties()) {
            items.add(party(policy, p, on));
        }
        if (in.parties().stream().noneMatch(p -> "ULTIMATE_CONSIGNEE".equals(p.role()))) {
            items.add(new Item("party:ULTIMATE_CONSIGNEE", "Ultimate consignee", Outcome.NOT_MET,
                    "No ultimate consignee is named."));
        }
        items.add(certifications(policy, in.certifications()));
        if (policy.maxChinaToUsShipmentRatio != null) {
            BigDecimal declared = in.declaredShipmentRatio();
            boolean ok = declared != null && declared.compareTo(policy.maxChinaToUsShipmentRatio) <= 0;
            items.add(new Item("application", "China-to-US shipment ratio", ok ? Outcome.MET : Outcome.NOT_MET,
                    declared == null ? "No ratio of China shipments to US shipments is declared; the policy caps it at "
                            + PolicyVersion.percent(policy.maxChinaToUsShipmentRatio) + "."
                            : "Declared ratio " + PolicyVersion.percent(declared) + (ok ? " is within" : " exceeds")
                                    + " the cap of " + PolicyVersion.percent(policy.maxChinaToUsShipmentRatio) + "."));
        }
        if (policy.capPerCustomerUsd != null) {
            BigDecimal total = in.lines().stream().map(Line::totalUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean ok = total.compareTo(policy.capPerCustomerUsd) <= 0;
            items.add(new Item("application", "Value cap per customer", ok ? Outcome.MET : Outcome.NOT_MET,
                    "The application's value of $" + total.toPlainString() + (ok ? " is within" : " exceeds")
                            + " the cap of $" + policy.capPerCustomerUsd.toPlainString() + " per customer."));
        }
        return new Result(policy.code, policy.title, policy.legalBasis, on, List.copyOf(items));
    }

    List<Item> products(PolicyVersion policy, Line line) {
        String subject = "line:" + line.id();
        String name = line.maker() + " " + line.model();
        List<Item> items = new ArrayList<>();
        if (containsIgnoreCase(policy.excludedArchitectures, line.architecture())) {
            items.add(new Item(subject, name, Outcome.EXCLUDED, name + " is a " + line.architecture()
                    + " product. The policy in force (" + policy.legalBasis + ") excludes the " + line.architecture()
                    + " architecture from export to these destinations, so it cannot be applied for."));
            return items;
        }
        if (containsIgnoreCase(policy.excludedProducts, line.model())) {
            items.add(new Item(subject, name, Outcome.EXCLUDED, name + " is excluded by name under the policy in force ("
                    + policy.legalBasis + "), so it cannot be applied for."));
            return items;
        }
        boolean listsGiven = !policy.eligibleArchitectures.isEmpty() || !policy.eligibleProducts.isEmpty();
        boolean eligible = !listsGiven || containsIgnoreCase(policy.eligibleArchitectures, line.architecture())
                || containsIgnoreCase(policy.eligibleProducts, line.model());
        items.add(new Item(subject, name + ": eligibility", eligible ? Outcome.MET : Outcome.NOT_MET, eligible
                ? "The " + line.architecture() + " architecture is eligible for case-by-case review under this policy."
                : "Neither the " + line.architecture() + " architecture nor " + name
                        + " is among the products eligible under this policy; a presumption of denial applies."));
        if (policy.tppBelow != null) {
            boolean ok = line.tpp() < policy.tppBelow;
            items.add(new Item(subject, name + ": total processing performance", ok ? Outcome.MET : Outcome.NOT_MET,
                    "TPP " + grouped(line.tpp()) + (ok ? " is under" : " is not under") + " the threshold of "
                            + grouped(policy.tppBelow) + "."));
        }
        if (policy.dramBandwidthBelowGbps != null) {
            boolean ok = line.dramBandwidthGbps() < policy.dramBandwidthBelowGbps;
            items.add(new Item(subject, name + ": DRAM bandwidth", ok ? Outcome.MET : Outcome.NOT_MET,
                    "DRAM bandwidth " + grouped(line.dramBandwidthGbps()) + " GB/s" + (ok ? " is under" : " is not under")
                            + " the threshold of " + grouped(policy.dramBandwidthBelowGbps) + " GB/s."));
        }
        return items;
    }

    Item party(PolicyVersion policy, Party p, LocalDate on) {
        String subject = "party:" + p.role();
        String label = roleLabel(p.role()) + ": " + p.name();
        if (!"INTERMEDIATE_CONSIGNEE".equals(p.role()) && !policy.destinations.contains(p.country())) {
            return new Item(subject, label, Outcome.NOT_MET, "The country " + p.country()
                    + " is not a destination covered by this policy (" + String.join(", ", policy.destinations) + ").");
        }
        if ("INTERMEDIATE_CONSIGNEE".equals(p.role())) {
            return new Item(subject, label, Outcome.MET, "Intermediate consignee in " + p.country()
                    + "; screened with the other parties.");
        }
        if (p.approvedCustomerId() == null) {
            return new Item(subject, label, Outcome.NOT_MET,
                    "Not in the register of approved customers: the officer must assess this party.");
        }
        if (!"APPROVED".equals(p.customerStatus())) {
            return new Item(subject, label, Outcome.NOT_MET, "The approved customer's status is "
                    + p.customerStatus().toLowerCase(Locale.ROOT) + ", not approved.");
        }
        if (p.customerExpiresOn() != null && !on.isBefore(p.customerExpiresOn())) {
            return new Item(subject, label, Outcome.NOT_MET, "The customer's approval expired on " + p.customerExpiresOn() + ".");
        }
        return new Item(subject, label, Outcome.MET, "An approved customer in the register, in a destination covered by the policy.");
    }

    Item certifications(PolicyVersion policy, Set<String> given) {
        List<String> missing = policy.requiredCertifications.stream().filter(c -> !given.contains(c))
                .map(c -> Certification.fromCode(c).map(Certification::getTitle).orElse(c)).toList();
        return new Item("certifications", "Certifications", missing.isEmpty() ? Outcome.MET : Outcome.NOT_MET,
                missing.isEmpty() ? "All " + policy.requiredCertifications.size() + " certifications the policy requires are given."
                        : "Not yet certified: " + String.join(", ", missing) + ".");
    }

    static String roleLabel(String role) {
        return switch (role) {
            case "ULTIMATE_CONSIGNEE" -> "Ultimate consignee";
            case "END_USER" -> "End user";
            default -> "Intermediate consignee";
        };
    }

    private static boolean containsIgnoreCase(List<String> list, String value) {
        return value != null && list.stream().anyMatch(s -> s.equalsIgnoreCase(value.strip()));
    }

    private static String grouped(int n) {
        return String.format(Locale.US, "%,d", n);
    }
}
