import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.exports.portal.screening.NameKeys;

/**
 * Bench data only: turns generated screening entries (COPY text rows "id, name, alt_names json") into screening_name
 * rows keyed by the portal's own NameKeys, the same rows ListImporter.nameRows writes (name, aliases, acronyms).
 * Run with the packaged application on the class path; see generate.sh.
 */
public class NameKeyRows {
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String id = f[0];
            String name = f[1];
            List<String> aliases = new ArrayList<>();
            Matcher m = JSON_STRING.matcher(f[2]);
            while (m.find()) {
                aliases.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            Set<String> keys = new HashSet<>();
            String k = NameKeys.key(name);
            if (k != null) {
                row(out, id, "NAME", name, k);
                keys.add(k);
            }
            for (String a : aliases) {
                String ak = NameKeys.key(a);
                if (ak != null && keys.add(ak + "\u0001" + a)) {
                    row(out, id, "ALIAS", a, ak);
                }
            }
            for (String acr : NameKeys.acronyms(name)) {
                if (keys.add(acr)) {
                    row(out, id, "ACRONYM", acr, acr);
                }
            }
        }
        out.flush();
    }

    private static void row(PrintStream out, String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(values[i].replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        out.println(b);
    }
}
