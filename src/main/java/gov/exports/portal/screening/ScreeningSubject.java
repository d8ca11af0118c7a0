package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.exports.portal.audit.AuditLog;

/**
 * A party to screen, whatever it is in the portal: subjectType says what (APPLICATION_PARTY, APPROVED_CUSTOMER …),
 * subjectId which one. The party description is what is matched; its fingerprint tells when it changed.
 */
public record ScreeningSubject(String subjectType, Long subjectId, String name, List<String> altNames, String address,
        String city, String country) {

    public ScreeningSubject {
        altNames = altNames == null ? List.of() : altNames.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        name = name == null ? null : name.strip();
    }

    /** An ad-hoc search (the officials' search page): no subject behind it. */
    public static ScreeningSubject query(String name, String address, String country) {
        return new ScreeningSubject("SEARCH", 0L, name, List.of(), address, null, country);
    }

    /** Every name the party goes by: its name first, then its alternates (e.g. its Chinese-script name). */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            all.add(name);
        }
        for (String a : altNames) {
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        return all;
    }

    /** ISO code of the party's country, when recognisable. */
    public String countryCode() {
        return Countries.code(country);
    }

    /** SHA-256 over the normalised description: spacing and case do not count as a change, anything else does. */
    public String fingerprint() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", NameKeys.fold(name));
        m.put("altNames", altNames.stream().map(NameKeys::fold).sorted().toList());
        m.put("address", NameKeys.fold(address));
        m.put("city", NameKeys.fold(city));
        String code = countryCode();
        m.put("country", code != null ? code : NameKeys.fold(country));
        return ListEntryData.sha256Hex(AuditLog.toJson(m));
    }
}
