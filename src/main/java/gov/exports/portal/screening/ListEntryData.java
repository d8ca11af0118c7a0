package gov.exports.portal.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.exports.portal.audit.AuditLog;

/** One listed party as read from a list file (or typed in by a senior officer), before it is stored. */
public record ListEntryData(String key, String source, String entityType, String name, String title,
        List<String> altNames, List<Address> addresses, String programs, String federalRegisterNotice,
        LocalDate startDate, LocalDate endDate, String licenseRequirement, String licensePolicy, String remarks,
        String sourceListUrl, int line) {

    /** One address of a listed party; country is an ISO code where we recognise the name. */
    public record Address(String address, String city, String state, String postalCode, String country) {
        public String display() {
            StringBuilder b = new StringBuilder();
            for (String p : new String[] { address, city, state, postalCode, country }) {
                if (p != null && !p.isBlank()) {
                    b.append(b.length() == 0 ? "" : ", ").append(p.strip());
                }
            }
            return b.toString();
        }
    }

    /** SHA-256 of everything an officer could see of the entry: equal hashes mean an unchanged entry. */
    public String contentHash() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("entityType", entityType);
        m.put("name", name);
        m.put("title", title);
        m.put("altNames", altNames);
        m.put("addresses", addresses);
        m.put("programs", programs);
        m.put("federalRegisterNotice", federalRegisterNotice);
        m.put("startDate", startDate == null ? null : startDate.toString());
        m.put("endDate", endDate == null ? null : endDate.toString());
        m.put("licenseRequirement", licenseRequirement);
        m.put("licensePolicy", licensePolicy);
        m.put("remarks", remarks);
        m.put("sourceListUrl", sourceListUrl);
        return sha256Hex(AuditLog.toJson(m));
    }

    static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
