package gov.exports.portal.congress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the unitedstates/congress-legislators files: legislators-*.yaml (members and their terms),
 * committees-current.yaml and committee-membership-current.yaml. Aliases are capped so an alias "bomb"
 * cannot expand without limit.
 */
public final class LegislatorsYamlParser {

    public static final int MAX_BYTES = 25 * 1024 * 1024;

    public record MemberData(String bioguideId, String firstName, String lastName, String fullName, List<Member.Term> terms) {
        public Member.Term lastTerm() {
            return terms.stream().max(java.util.Comparator.comparing(t -> t.startDate)).orElse(null);
        }
    }

    public record CommitteeData(String code, String name, String chamber, String parentCode) {
    }

    public record SeatData(String committeeCode, String bioguideId, String name, String side, Integer rank, String title) {
    }

    /** What a YAML file held: exactly one of the three lists is filled. */
    public record Parsed(BillImport.Format format, List<MemberData> members, List<CommitteeData> committees, List<SeatData> seats) {
    }

    private LegislatorsYamlParser() {
    }

    public static Parsed parse(byte[] yaml, String fileName) {
        if (yaml.length > MAX_BYTES) {
            throw refused(fileName + " is larger than 25 MB.", null);
        }
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false).setCodePointLimit(MAX_BYTES).build();
        Object doc;
        try {
            doc = new Load(settings).loadFromString(new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
        } catch (YamlEngineException e) {
            throw refused(fileName + " is not valid YAML (or uses more aliases than allowed): "
                    + SourceText.abbreviate(String.valueOf(e.getMessage()).replaceAll("\\s+", " "), 200) + " Nothing was imported.", e);
        }
        if (doc instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            if (first.get("id") instanceof Map<?, ?> && first.containsKey("terms")) {
                return new Parsed(BillImport.Format.LEGISLATORS_YAML, members(list, fileName), null, null);
            }
            if (first.containsKey("thomas_id")) {
                return new Parsed(BillImport.Format.COMMITTEES_YAML, null, committees(list, fileName), null);
            }
        }
        if (doc instanceof Map<?, ?> map && !map.isEmpty() && map.values().iterator().next() instanceof List<?>) {
            return new Parsed(BillImport.Format.COMMITTEE_MEMBERSHIP_YAML, null, null, seats(map, fileName));
        }
        throw refused(fileName + " is YAML but not one of the congress-legislators files this portal reads "
                + "(legislators-*.yaml, committees-current.yaml, committee-membership-current.yaml). Nothing was imported.", null);
    }

    private static ImportRefusedException refused(String m, Throwable cause) {
        return new ImportRefusedException(m, BillImport.Format.LEGISLATORS_YAML, cause);
    }

    private static List<MemberData> members(List<?> list, String fileName) {
        List<MemberData> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            Map<?, ?> id = map(m.get("id"));
            Map<?, ?> name = map(m.get("name"));
            String bioguide = str(id.get("bioguide"));
            if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
                throw refused(fileName + ": a legislator has no valid bioguide id (" + bioguide + "). Nothing was imported.", null);
            }
            List<Member.Term> terms = new ArrayList<>();
            if (m.get("terms") instanceof List<?> ts) {
                for (Object t : ts) {
                    Map<?, ?> term = map(t);
                    String type = str(term.get("type"));
                    String state = str(term.get("state"));
                    LocalDate start = SourceText.date(str(term.get("start")));
                    if (type == null || state == null || start == null || !state.matches("[A-Z]{2}")) {
                        continue;
                    }
                    terms.add(new Member.Term("sen".equals(type) ? "Senate" : "House", start, SourceText.date(str(term.get("end"))),
                            state, "rep".equals(type) ? SourceText.integer(str(term.get("district"))) : null,
                            Parties.letter(str(term.get("party")))));
                }
            }
            String first = str(name.get("first"));
            String last = str(name.get("last"));
            if (last == null) {
                throw refused(fileName + ": legislator " + bioguide + " has no last name. Nothing was imported.", null);
            }
            String official = str(name.get("official_full"));
            out.add(new MemberData(bioguide, first, last, official != null ? official : (first == null ? last : first + " " + last), terms));
        }
        return out;
    }

    private static List<CommitteeData> committees(List<?> list, String fileName) {
        List<CommitteeData> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> c = map(o);
            String code = str(c.get("thomas_id"));
            String name = str(c.get("name"));
            String type = str(c.get("type"));
            if (code == null || name == null || !code.matches("[A-Z]{4}")) {
                throw refused(fileName + ": a committee has no valid thomas_id (" + code + "). Nothing was imported.", null);
            }
            String chamber = "senate".equals(type) ? "Senate" : "joint".equals(type) ? "Joint" : "House";
            out.add(new CommitteeData(code, name, chamber, null));
            if (c.get("subcommittees") instanceof List<?> subs) {
                for (Object s : subs) {
                    Map<?, ?> sub = map(s);
                    String subId = str(sub.get("thomas_id"));
                    String subName = str(sub.get("name"));
                    if (subId != null && subName != null && subId.matches("[0-9]{2}")) {
                        out.add(new CommitteeData(code + subId, subName, chamber, code));
                    }
                }
            }
        }
        return out;
    }

    private static List<SeatData> seats(Map<?, ?> map, String fileName) {
        List<SeatData> out = new ArrayList<>();
        for (var e : map.entrySet()) {
            String code = str(e.getKey());
            if (code == null || !code.matches("[A-Z]{4}[0-9]{0,2}")) {
                throw refused(fileName + ": \"" + SourceText.abbreviate(code, 30) + "\" is not a committee code. Nothing was imported.", null);
            }
            if (!(e.getValue() instanceof List<?> seats)) {
                continue;
            }
            for (Object s : seats) {
                Map<?, ?> seat = map(s);
                String bioguide = str(seat.get("bioguide"));
                if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
                    continue;
                }
                String side = str(seat.get("party"));
                out.add(new SeatData(code, bioguide, str(seat.get("name")),
                        "majority".equals(side) || "minority".equals(side) ? side : null, SourceText.integer(str(seat.get("rank"))),
                        str(seat.get("title"))));
            }
        }
        return out;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String str(Object o) {
        return o == null ? null : SourceText.blankToNull(String.valueOf(o));
    }
}
