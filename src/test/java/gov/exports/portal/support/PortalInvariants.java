package gov.exports.portal.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold in the database whatever happened to the portal (kill -9, outages, load), checked in SQL as an auditor
 * would: nothing half-written, balances equal to the shipment ledger, the audit chain intact, and every write the portal
 * acknowledged present with its audit record.
 */
public final class PortalInvariants {

    private PortalInvariants() {
    }

    /** Each named check and how many rows break it (0 = holds). */
    static final Map<String, String> CHECKS = new LinkedHashMap<>();
    static {
        CHECKS.put("non-draft application without reference or snapshot",
                "SELECT count(*) FROM application WHERE status <> 'DRAFT' AND (reference IS NULL OR snapshot IS NULL OR submitted_at IS NULL)");
        // (the demo data's own submitted application is frozen at start-up without announcing it: it has no case)
        CHECKS.put("submitted application without its review case",
                "SELECT count(*) FROM application a WHERE a.status <> 'DRAFT' AND a.submitted_by <> 'Demo data' "
                        + "AND NOT EXISTS (SELECT 1 FROM review_case r WHERE r.application_id = a.id)");
        CHECKS.put("submitted application without its audit record",
                "SELECT count(*) FROM application a WHERE a.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM audit_record r "
                        + "WHERE r.action = 'application.submitted' AND r.target_id = a.id::text)");
        CHECKS.put("decided application without its decision letter",
                "SELECT count(*) FROM application a WHERE a.status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION') "
                        + "AND NOT EXISTS (SELECT 1 FROM decision_letter d WHERE d.application_id = a.id)");
        CHECKS.put("approved application without an agreed decision",
                "SELECT count(*) FROM application a WHERE a.status IN ('APPROVED','APPROVED_WITH_CONDITIONS') "
                        + "AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.application_id = a.id AND d.countersign_outcome = 'AGREED')");
        CHECKS.put("licence without lines", "SELECT count(*) FROM licence l WHERE NOT EXISTS (SELECT 1 FROM licence_line x WHERE x.licence_id = l.id)");
        CHECKS.put("licence without its audit record", "SELECT count(*) FROM licence l WHERE NOT EXISTS (SELECT 1 FROM audit_record r "
                + "WHERE r.action = 'licence.issued' AND r.target_id = l.id::text)");
        CHECKS.put("licence line whose balance differs from its shipment ledger",
                "SELECT count(*) FROM licence_line x LEFT JOIN (SELECT licence_line_id, sum(quantity) q, sum(value_usd) v FROM shipment "
                        + "GROUP BY licence_line_id) s ON s.licence_line_id = x.id WHERE x.remaining_quantity <> x.authorised_quantity - coalesce(s.q, 0) "
                        + "OR x.remaining_value_usd <> x.authorised_value_usd - coalesce(s.v, 0)");
        CHECKS.put("shipment without its audit record", "SELECT count(*) FROM shipment s WHERE s.kind = 'REPORT' AND NOT EXISTS (SELECT 1 FROM "
                + "audit_record r WHERE r.action = 'licence.shipment.reported' AND r.target_type = 'licence' AND r.target_id = s.licence_id::text "
                + "AND r.after_state->>'shipment' = s.id::text)");
        CHECKS.put("audit chain broken", "SELECT count(broken_id) FROM audit_chain_first_break()");
    }

    /** Every invariant that does not hold, with the number of offending rows; empty when all hold. */
    public static List<String> violations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (var check : CHECKS.entrySet()) {
            try (var rs = c.createStatement().executeQuery(check.getValue())) {
                rs.next();
                long n = rs.getLong(1);
                if (n != 0) {
                    out.add(check.getKey() + ": " + n);
                }
            }
        }
        return out;
    }

    /** Acknowledged writes that are not in the database. */
    public static List<String> missing(Connection c, Collection<PortalTraffic.Ack> acknowledged) throws SQLException {
        List<String> out = new ArrayList<>();
        for (PortalTraffic.Ack a : acknowledged) {
            String sql = switch (a.kind()) {
                case "submitted" -> "SELECT count(*) FROM application WHERE id = ? AND status <> 'DRAFT' AND reference IS NOT NULL";
                case "decided" -> "SELECT count(*) FROM application WHERE id = ? AND status = 'APPROVED'";
                case "licence" -> "SELECT count(*) FROM licence WHERE id = ?";
                case "shipment" -> "SELECT count(*) FROM shipment WHERE licence_id = ? AND carrier_reference = ?";
                default -> throw new IllegalArgumentException(a.kind());
            };
            try (var st = c.prepareStatement(sql)) {
                st.setLong(1, a.id());
                if (a.detail() != null) {
                    st.setString(2, a.detail());
                }
                try (var rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        out.add(a.toString());
                    }
                }
            }
        }
        return out;
    }
}
