package gov.exports.portal.congress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the unitedstates/congress-legislators files: legislators-*.yaml (members and their terms),
 * committees-current.yaml and committee-membership-current.yaml. Aliases are capped so an alias "bomb"
 * cannot expand without limit.
 */
public final class LegislatorsYamlParser {

    public static final int MAX_BYTES = 25 * 1024 * 1024;
    /** The real files nest about 6 levels; deeper nesting would only exhaust the parser's stack. */
    public static final int MAX_DEPTH = 50;
    /** The longest value in the real files (an official name, a URL) is under 200 characters. */
    public static final int MAX_FIELD = 10_000;

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
        String text = utf8(yaml, fileName);
        Object doc;
        List<Integer> itemLines;
        try {
            itemLines = checkShape(settings, text, fileName);
            doc = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw refused(fileName + " is not valid YAML (or uses more aliases than allowed): "
                    + SourceText.abbreviate(String.valueOf(e.getMessage()).replaceAll("\\s+", " "), 200) + " Nothing was imported.", e);
        }
        LINES.set(itemLines);
        try {
            return read(doc, fileName);
        } finally {
            LINES.remove();
        }
    }

    /** Line numbers of the top-level list's items, for messages about one entry (per parse, on the calling thread). */
    private static final ThreadLocal<List<Integer>> LINES = new ThreadLocal<>();

    private static String at(int index) {
        List<Integer> lines = LINES.get();
        return lines != null && index < lines.size() ? " (line " + lines.get(index) + ")" : "";
    }

    /** Strict UTF-8 (as the congress-legislators files are): anything else is refused with the line of the first bad byte. */
    static String utf8(byte[] bytes, String fileName) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw refused(fileName + " is UTF-16 text; the congress-legislators files are UTF-8. Save it as UTF-8 and import it again. "
                    + "Nothing was imported.", null);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw refused(fileName + ", line " + line + ": the file is not UTF-8 text (byte " + (in.position() + 1)
                    + " cannot be read as UTF-8; was it saved as Latin-1 or Windows-1252?). Save it as UTF-8 and import it again. "
                    + "Nothing was imported.", null);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads the file's events once, without building anything, to refuse nesting deeper than {@link #MAX_DEPTH} and values
     * longer than {@link #MAX_FIELD} with their line; returns the line of each item of a top-level list.
     */
    static List<Integer> checkShape(LoadSettings settings, String text, String fileName) {
        List<Integer> itemLines = new ArrayList<>();
        int depth = 0;
        boolean topLevelList = false;
        for (Event e : new Parse(settings).parseString(text)) {
            int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (depth == 0) {
                        topLevelList = e.getEventId() == Event.ID.SequenceStart;
                    } else if (depth == 1 && topLevelList) {
                        itemLines.add(line);
                    }
                    if (++depth > MAX_DEPTH) {
                        throw refused(fileName + ", line " + line + ": nested more than " + MAX_DEPTH
                                + " levels deep; the congress-legislators files nest about 6. Nothing was imported.", null);
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                case Scalar -> {
                    if (depth == 1 && topLevelList) {
                        itemLines.add(line);
                    }
                    int length = ((ScalarEvent) e).getValue().length();
                    if (length > MAX_FIELD) {
                        throw refused(fileName + ", line " + line + ": a value of " + length + " characters; no field of these files is "
                                + "longer than " + MAX_FIELD + ". Nothing was imported.", null);
                    }
                }
                default -> {
                }
            }
        }
        return itemLines;
    }

    private static Parsed read(Object doc, String fileName) {
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
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw refused(fileName + at(i) + ": entry " + (i + 1) + " is not a legislator (a mapping with id, name and terms). "
                        + "Nothing was imported.", null);
            }
            String where = at(i);
            Map<?, ?> id = map(m.get("id"));
            Map<?, ?> name = map(m.get("name"));
            String bioguide = str(id.get("bioguide"));
            if (bioguide == null || !bioguide.matches("[A-Z][0-9]{6}")) {
                throw refused(fileName + where + ": a legislator has no valid bioguide id (" + SourceText.abbreviate(bioguide, 30)
                        + "). Nothing was imported.", null);
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
                throw refused(fileName + where + ": legislator " + bioguide + " has no last name. Nothing was imported.", null);
            }
            String official = str(name.get("official_full"));
            out.add(new MemberData(bioguide, first, last, official != null ? official : (first == null ? last : first + " " + last), terms));
        }
        return out;
    }

    private static List<CommitteeData> committees(List<?> list, String fileName) {
        List<CommitteeData> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> c = map(list.get(i));
            String code = str(c.get("thomas_id"));
            String name = str(c.get("name"));
            String type = str(c.get("type"));
            if (code == null || name == null || !code.matches("[A-Z]{4}")) {
                throw refused(fileName + at(i) + ": a committee has no valid thomas_id (" + SourceText.abbreviate(code, 30)
                        + "). Nothing was imported.", null);
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
