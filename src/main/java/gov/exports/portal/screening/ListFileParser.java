package gov.exports.portal.screening;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a published list file entry by entry: each entry goes to a sink as soon as it is read, so the whole list is
 * never held in memory (the Entity List layout, which spreads one listing over several rows, collects its listings
 * first). A file with a problem is refused with its line number and reason. A sink may have seen entries of a file
 * that is then refused, so whoever writes reads the file twice: once to check it, keeping nothing, and once to write.
 */
public final class ListFileParser {

    public static final String ENTITY_LIST_SOURCE = "Entity List (EL) - Bureau of Industry and Security";
    static final int MAX_FIELD = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ListFileParser() {
    }

    /** What a complete read found: the layout and the number of entries handed to the sink. */
    public record Summary(ListFormat format, int entries) {
    }

    /**
     * Recognises the layout from the file itself (JSON, the CSL CSV header, or the Entity List CSV header) and hands
     * each entry to the sink as it is read. Returns only when the whole file is valid: a syntax or field problem, an
     * empty list or an id used twice is a {@link MalformedListException}, in that order of precedence.
     */
    public static Summary read(byte[] content, IntConsumer progress, Consumer<ListEntryData> sink) {
        Checked checked = new Checked(sink);
        Charset charset = isUtf8(content) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        ListFormat format = recognise(content, charset);
        // the bytes are in memory: the parser reads them again from the start, through a reader of its own
        try (Reader text = new BufferedReader(reader(content, charset), 1 << 16)) {
            switch (format) {
                case CSL_JSON -> parseJson(text, progress, checked);
                case CSL_CSV -> parseCslCsv(text, progress, checked);
                case EL_CSV -> parseElCsv(text, progress, checked);
            }
        } catch (IOException e) {
            throw new MalformedListException(0, "The file could not be read: " + e.getMessage());
        }
        if (checked.count == 0) {
            throw new MalformedListException(0, "The file contains no entries; an empty list is never imported.");
        }
        if (checked.duplicate != null) {
            throw checked.duplicate;
        }
        return new Summary(format, checked.count);
    }

    /** The layout, from the first non-blank character (JSON) or the first non-blank line (the CSV headers). */
    private static ListFormat recognise(byte[] content, Charset charset) {
        try (Reader in = reader(content, charset)) {
            int c;
            while ((c = in.read()) >= 0 && Character.isWhitespace(c)) {
                // leading blanks
            }
            if (c < 0) {
                throw new MalformedListException(1, "the file is empty.");
            }
            if (c == '{' || c == '[') {
                return ListFormat.CSL_JSON;
            }
            StringBuilder line = new StringBuilder();
            for (; c >= 0 && c != '\n' && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            String firstLine = line.toString().toLowerCase();
            if (firstLine.startsWith("_id,") || firstLine.contains(",alt_names")) {
                return ListFormat.CSL_CSV;
            }
            if (firstLine.startsWith("source list,")) {
                return ListFormat.EL_CSV;
            }
            throw new MalformedListException(1, "the header is not one we know. Expected the Consolidated Screening "
                    + "List CSV (starting \"_id,source,\"), its JSON API layout, or the Entity List CSV (starting \"Source List,\").");
        } catch (IOException e) {
            throw new MalformedListException(0, "The file could not be read: " + e.getMessage());
        }
    }

    /**
     * Counts the entries and remembers the first id used twice (only id and first line are kept). The duplicate is
     * reported once the whole file has been read, as a syntax error further down takes precedence.
     */
    private static final class Checked implements Consumer<ListEntryData> {
        private final Consumer<ListEntryData> sink;
        private final Map<String, Integer> firstLine = new HashMap<>();
        int count;
        MalformedListException duplicate;

        Checked(Consumer<ListEntryData> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(ListEntryData e) {
            count++;
            Integer first = firstLine.putIfAbsent(e.key(), e.line());
            if (first != null && duplicate == null) {
                duplicate = new MalformedListException(e.line(), "the id \"" + e.key() + "\" was already used on line " + first + ".");
            }
            sink.accept(e);
        }
    }

    /**
     * The characters of the file in the given charset: UTF-8 (without its byte order mark) when every byte sequence is
     * valid UTF-8 ({@link #isUtf8}, checked over the bytes without keeping the text), otherwise Windows-1252, as older
     * Entity List exports are.
     */
    private static Reader reader(byte[] content, Charset charset) {
        boolean bom = charset == StandardCharsets.UTF_8 && content.length >= 3 && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
        int skip = bom ? 3 : 0;
        return new InputStreamReader(new ByteArrayInputStream(content, skip, content.length - skip), charset);
    }

    static boolean isUtf8(byte[] content) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult r;
        while ((r = d.decode(in, out, true)).isOverflow()) {
            out.clear();
        }
        if (r.isError()) {
            return false;
        }
        out.clear();
        while ((r = d.flush(out)).isOverflow()) {
            out.clear();
        }
        return !r.isError();
    }

    // ---- Consolidated Screening List, CSV ----

    /** One row of a CSV file with the line it starts on. */
    private interface CsvRow {
        void accept(CSVRecord r, int line, int columns);
    }

    /**
     * Reads every non-blank row after the header, with the line number each starts on; a CSV syntax error
     * becomes a refusal with its line.
     */
    private static void eachCsvRow(Reader text, CSVFormat format, List<String> required, CsvRow row) {
        try (CSVParser p = CSVParser.builder().setReader(text)
                .setFormat(format.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            Map<String, Integer> header = p.getHeaderMap();
            for (String column : required) {
                if (!header.containsKey(column)) {
                    throw new MalformedListException(1, "the header has no \"" + column + "\" column.");
                }
            }
            Iterator<CSVRecord> it = p.iterator();
            long line = 1;
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedListException((int) p.getCurrentLineNumber() + 1, csvProblem(e));
                }
                int at = (int) line + 1;
                line = p.getCurrentLineNumber();
                boolean blank = true;
                for (String v : r) {
                    blank &= v == null || v.isBlank();
                }
                if (!blank) {
                    row.accept(r, at, header.size());
                }
            }
        } catch (IOException e) {
            throw new MalformedListException(0, "The file could not be read: " + e.getMessage());
        }
    }

    static void parseCslCsv(Reader text, IntConsumer progress, Consumer<ListEntryData> out) {
        int[] count = { 0 };
        eachCsvRow(text, CSVFormat.DEFAULT, List.of("name", "source", "alt_names", "addresses"), (r, at, columns) -> {
            if (r.size() != columns) {
                throw new MalformedListException(at, "expected " + columns + " columns as in the header, found " + r.size() + ".");
            }
            String name = field(r, "name", at);
            if (name == null) {
                throw new MalformedListException(at, "the name is empty.");
            }
            String source = field(r, "source", at);
            if (source == null) {
                throw new MalformedListException(at, "the source list is empty.");
            }
            List<ListEntryData.Address> addresses = new ArrayList<>();
            for (String a : splitList(field(r, "addresses", at))) {
                addresses.add(cslAddress(a));
            }
            String id = field(r, "_id", at);
            String title = field(r, "title", at);
            String fr = field(r, "federal_register_notice", at);
            LocalDate start = isoDate(field(r, "start_date", at), "start_date", at);
            ListEntryData e = new ListEntryData(id != null ? id : derivedKey(source, name, title, fr, start), source,
                    field(r, "type", at), name, title, splitList(field(r, "alt_names", at)), addresses,
                    field(r, "programs", at), fr, start, isoDate(field(r, "end_date", at), "end_date", at),
                    field(r, "license_requirement", at), field(r, "license_policy", at), field(r, "remarks", at),
                    field(r, "source_list_url", at), at);
            out.accept(e);
            if (++count[0] % 1000 == 0) {
                progress.accept(count[0]);
            }
        });
    }

    private static String csvProblem(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF") || m.contains("encapsulated")) {
            return "a quoted field is not closed (a \" is missing).";
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows a closing quote; a \" inside a quoted field must be doubled (\"\").";
        }
        return "the line is not valid CSV.";
    }

    /** CSL CSV addresses are "street, city, state, postal code, country" joined by commas; the country comes last. */
    static ListEntryData.Address cslAddress(String a) {
        int comma = a.lastIndexOf(',');
        String last = comma < 0 ? a : a.substring(comma + 1).strip();
        String code = Countries.code(last);
        if (code == null) {
            return new ListEntryData.Address(a, null, null, null, null);
        }
        String rest = comma < 0 ? null : a.substring(0, comma).strip();
        return new ListEntryData.Address(rest == null || rest.isEmpty() ? null : rest, null, null, null, code);
    }

    private static String field(CSVRecord r, String column, int line) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = clean(v);
        if (v.length() > MAX_FIELD) {
            throw new MalformedListException(line, "the " + column + " field is longer than " + MAX_FIELD + " characters.");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new MalformedListException(line, "the " + column + " field contains control characters.");
        }
        return v;
    }

    /** Trims, and drops C1 control characters (left over from Windows-1252 quotes in older exports). */
    static String clean(String v) {
        return v.replaceAll("[\\u0080-\\u009F]", "").strip();
    }

    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String s : v.split(";")) {
            String t = s.strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static LocalDate isoDate(String v, String column, int line) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new MalformedListException(line, column + " \"" + v + "\" is not a date (YYYY-MM-DD).");
        }
    }

    // ---- Consolidated Screening List, JSON API ----

    static void parseJson(Reader text, IntConsumer progress, Consumer<ListEntryData> out) {
        int[] count = { 0 };
        try (JsonParser p = new JsonFactory().createParser(text)) {
            p.setCodec(JSON);
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // find "results"
                boolean found = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("results".equals(field)) {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new MalformedListException(line(p), "\"results\" is not an array.");
                        }
                        readResults(p, out, progress, count);
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new MalformedListException(1, "the JSON has no \"results\" array.");
                }
            } else if (t == JsonToken.START_ARRAY) {
                readResults(p, out, progress, count);
            } else {
                throw new MalformedListException(1, "expected a JSON object with \"results\".");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedListException(line, "the JSON is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedListException(0, "The file could not be read: " + e.getMessage());
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static void readResults(JsonParser p, Consumer<ListEntryData> out, IntConsumer progress, int[] count)
            throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int at = line(p);
            JsonNode n = p.readValueAsTree();
            String name = text(n, "name", at);
            if (name == null) {
                throw new MalformedListException(at, "the entry has no name.");
            }
            String source = text(n, "source", at);
            if (source == null) {
                throw new MalformedListException(at, "the entry \"" + name + "\" has no source.");
            }
            List<String> alt = new ArrayList<>();
            JsonNode altNode = n.get("alt_names");
            if (altNode != null && !altNode.isNull()) {
                if (!altNode.isArray()) {
                    throw new MalformedListException(at, "\"alt_names\" of \"" + name + "\" is not an array.");
                }
                altNode.forEach(a -> {
                    if (a.isTextual() && !a.asText().isBlank() && !alt.contains(a.asText().strip())) {
                        alt.add(a.asText().strip());
                    }
                });
            }
            List<ListEntryData.Address> addresses = new ArrayList<>();
            JsonNode addrNode = n.get("addresses");
            if (addrNode != null && !addrNode.isNull()) {
                if (!addrNode.isArray()) {
                    throw new MalformedListException(at, "\"addresses\" of \"" + name + "\" is not an array.");
                }
                for (JsonNode a : addrNode) {
                    String country = text(a, "country", at);
                    String code = Countries.code(country);
                    addresses.add(new ListEntryData.Address(text(a, "address", at), text(a, "city", at), text(a, "state", at),
                            text(a, "postal_code", at), code != null ? code : country));
                }
            }
            String programs = null;
            JsonNode prog = n.get("programs");
            if (prog != null && prog.isArray() && prog.size() > 0) {
                List<String> ps = new ArrayList<>();
                prog.forEach(x -> ps.add(x.asText()));
                programs = String.join("; ", ps);
            }
            String id = text(n, "id", at);
            String title = text(n, "title", at);
            String fr = text(n, "federal_register_notice", at);
            LocalDate start = isoDate(text(n, "start_date", at), "start_date", at);
            out.accept(new ListEntryData(id != null ? id : derivedKey(source, name, title, fr, start), source, text(n, "type", at),
                    name, title, alt, addresses, programs, fr, start, isoDate(text(n, "end_date", at), "end_date", at),
                    text(n, "license_requirement", at), text(n, "license_policy", at), text(n, "remarks", at),
                    text(n, "source_list_url", at), at));
            if (++count[0] % 1000 == 0) {
                progress.accept(count[0]);
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedListException(line(p), "expected an entry object in \"results\".");
        }
    }

    private static String text(JsonNode n, String field, int line) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new MalformedListException(line, "\"" + field + "\" should be a single value.");
        }
        String s = clean(v.asText());
        if (s.length() > MAX_FIELD) {
            throw new MalformedListException(line, "\"" + field + "\" is longer than " + MAX_FIELD + " characters.");
        }
        return s.isEmpty() ? null : s;
    }

    // ---- Entity List, BIS CSV: one row per (entry, address, alternate name) ----

    private static final class ElGroup {
        String source, name, title, fr, licenseRequirement, licensePolicy, remarks, url, programs, standardOrder;
        LocalDate start, end;
        int line;
        final List<String> alt = new ArrayList<>();
        final List<ListEntryData.Address> addresses = new ArrayList<>();
    }

    /** Rows of one listing may be anywhere in the file, so the listings are collected and handed on at the end. */
    static void parseElCsv(Reader text, IntConsumer progress, Consumer<ListEntryData> out) {
        Map<String, ElGroup> groups = new LinkedHashMap<>();
        int[] rows = { 0 };
        eachCsvRow(text, CSVFormat.DEFAULT.builder().setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true).get(),
                List.of("Source List", "Name", "Country"), (r, at, columns) -> {
            String name = field(r, "Name", at);
            if (name == null) {
                throw new MalformedListException(at, "the name is empty.");
            }
            String title = field(r, "Title", at);
            String fr = field(r, "Federal Register Notice", at);
            LocalDate start = usDate(field(r, "Effective Date", at), "Effective Date", at);
            String sourceCode = field(r, "Source List", at);
            if (sourceCode != null && !sourceCode.equals("EL")) {
                throw new MalformedListException(at, "Source List is \"" + sourceCode + "\"; an Entity List file lists only EL entries.");
            }
            String source = ENTITY_LIST_SOURCE;
            String groupKey = String.join("\u0001", source, name, String.valueOf(title), String.valueOf(fr), String.valueOf(start));
            ElGroup g = groups.get(groupKey);
            if (g == null) {
                g = new ElGroup();
                g.source = source;
                g.name = name;
                g.title = title;
                g.fr = fr;
                g.start = start;
                g.end = usDate(field(r, "Date Lifted/Waived/Expired", at), "Date Lifted/Waived/Expired", at);
                g.licenseRequirement = field(r, "License Requirement", at);
                g.licensePolicy = field(r, "License Policy", at);
                g.remarks = field(r, "Remarks/Notes", at);
                g.url = field(r, "Web Link", at);
                g.programs = field(r, "Programs", at);
                g.line = at;
                groups.put(groupKey, g);
            }
            String alt = field(r, "Alternate Name", at);
            if (alt != null && !g.alt.contains(alt)) {
                g.alt.add(alt);
            }
            String country = field(r, "Country", at);
            String code = Countries.code(country);
            ListEntryData.Address a = new ListEntryData.Address(field(r, "Address", at), field(r, "City", at),
                    field(r, "State/Province", at), field(r, "Postal Code", at), code != null ? code : country);
            if ((a.address() != null || a.city() != null || a.country() != null) && !g.addresses.contains(a)) {
                g.addresses.add(a);
            }
            if (++rows[0] % 1000 == 0) {
                progress.accept(rows[0]);
            }
        });
        for (ElGroup g : groups.values()) {
            out.accept(new ListEntryData(derivedKey(g.source, g.name, g.title, g.fr, g.start), g.source, null, g.name, g.title,
                    List.copyOf(g.alt), List.copyOf(g.addresses), g.programs, g.fr, g.start, g.end, g.licenseRequirement,
                    g.licensePolicy, g.remarks, g.url, g.line));
        }
    }

    private static LocalDate usDate(String v, String column, int line) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, US_DATE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e2) {
                throw new MalformedListException(line, column + " \"" + v + "\" is not a date (M/D/YYYY).");
            }
        }
    }

    /** Files without ids: a stable id from what identifies the listing (source, name, title, notice, date). */
    static String derivedKey(String source, String name, String title, String fr, LocalDate start) {
        String basis = String.join("|", source, name, String.valueOf(title), String.valueOf(fr), String.valueOf(start));
        return "h-" + ListEntryData.sha256Hex(basis).substring(0, 40);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
