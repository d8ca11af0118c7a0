package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import gov.exports.portal.screening.NameKeys.Kind;
import gov.exports.portal.screening.NameKeys.Token;

/**
 * Scores how alike a party's name and a listed name are, word by word, and says why in words an officer
 * can check. The score is a weighted Dice coefficient over matched words (distinctive words count fully,
 * sector and place words less, legal forms hardly), raised when the listed name is wholly contained in the
 * party's name (a listed company's affiliate) or when the two are the same letters spaced differently.
 */
public final class NameMatcher {

    public record Result(double score, List<String> reasons) {
    }

    static final double NO_DISTINCTIVE_CAP = 0.5;

    private record Pair(Token query, Token listed, double similarity) {
    }

    private NameMatcher() {
    }

    public static Result score(String queryName, String listedName) {
        return score(NameKeys.tokens(queryName), NameKeys.tokens(listedName));
    }

    public static Result score(List<Token> q, List<Token> e) {
        return score(q, e, true);
    }

    /**
     * The score, with its reasons when {@code explain} (the same score either way; scoring a candidate without
     * them is cheaper, and only the best pair of a candidate that is kept needs them).
     */
    static Result score(List<Token> q, List<Token> e, boolean explain) {
        List<String> reasons = explain ? new ArrayList<>() : List.of();
        if (q.isEmpty() || e.isEmpty()) {
            return new Result(0, reasons);
        }
        // Same letters, spaced or punctuated differently: "Hik Vision" / "HIKVISION"
        String qCompact = compact(q);
        String eCompact = compact(e);
        if (!qCompact.isEmpty() && qCompact.equals(eCompact) && qCompact.length() >= 4) {
            if (explain) {
                reasons.add("Same name once spaces, punctuation and legal-form words are ignored (\"" + qCompact + "\")");
            }
            return new Result(1.0, reasons);
        }

        List<Pair> pairs = new ArrayList<>();
        Set<Integer> usedE = new HashSet<>();
        for (Token qt : q) {
            Pair best = null;
            int bestIdx = -1;
            for (int i = 0; i < e.size(); i++) {
                if (usedE.contains(i)) {
                    continue;
                }
                Token et = e.get(i);
                double s = similarity(qt, et);
                if (s > 0 && (best == null || s > best.similarity)) {
                    best = new Pair(qt, et, s);
                    bestIdx = i;
                }
            }
            if (best != null) {
                pairs.add(best);
                usedE.add(bestIdx);
            }
        }
        double wq = q.stream().mapToDouble(Token::weight).sum();
        double we = e.stream().mapToDouble(Token::weight).sum();
        double matched = pairs.stream().mapToDouble(p -> p.similarity * (p.query.weight() + p.listed.weight()) / 2).sum();
        double dice = 2 * matched / (wq + we);

        // Containment: every distinctive word of the listed name is in the party's name ("Huawei Device Co." vs "Huawei").
        double score = dice;
        List<Token> eCore = e.stream().filter(t -> t.kind() == Kind.CORE).toList();
        boolean strongCore = eCore.stream().anyMatch(t -> t.cjk() ? t.text().length() >= 2 : t.text().length() >= 5);
        if (!eCore.isEmpty() && strongCore) {
            double coreMatched = pairs.stream().filter(p -> p.listed.kind() == Kind.CORE).mapToDouble(Pair::similarity).sum();
            double coverage = coreMatched / eCore.size();
            double eCoverage = matched / we;
            if (coverage >= 0.99) {
                double contained = 0.55 + 0.3 * eCoverage + 0.15 * dice;
                if (contained > score) {
                    score = contained;
                    if (explain) {
                        reasons.add("Every distinctive word of the listed name appears in the party's name");
                    }
                }
            }
        }

        // Sector, place and legal words alone never make a hit: "Beijing Technology Development Co." is not
        // "Beijing SenseTime Technology Development Co.".
        boolean distinctiveInCommon = pairs.stream().anyMatch(p -> p.query.kind() == Kind.CORE || p.listed.kind() == Kind.CORE);
        boolean listedHasDistinctive = e.stream().anyMatch(t -> t.kind() == Kind.CORE);
        if (!distinctiveInCommon && listedHasDistinctive && score > NO_DISTINCTIVE_CAP) {
            score = NO_DISTINCTIVE_CAP;
            if (explain) {
                reasons.add("No distinctive word in common: only sector, place or legal-form words match");
            }
        }
        if (!explain) {
            return new Result(Math.min(1.0, score), reasons);
        }

        for (Pair p : pairs) {
            if (p.query.kind() == Kind.LEGAL && p.listed.kind() == Kind.LEGAL) {
                continue;
            }
            reasons.add(how(p.query, p.listed, p.similarity));
        }
        List<String> unmatched = q.stream().filter(t -> t.kind() != Kind.LEGAL)
                .filter(t -> pairs.stream().noneMatch(p -> p.query == t)).map(Token::written).toList();
        if (!unmatched.isEmpty()) {
            reasons.add("Not in the listed name: " + String.join(", ", unmatched));
        }
        List<String> legal = new ArrayList<>();
        for (Token t : q) {
            if (t.kind() == Kind.LEGAL) {
                legal.add(t.written());
            }
        }
        for (Token t : e) {
            if (t.kind() == Kind.LEGAL && !legal.contains(t.written())) {
                legal.add(t.written());
            }
        }
        if (!legal.isEmpty()) {
            reasons.add("Legal-form words weighed down: " + String.join(", ", legal));
        }
        return new Result(Math.min(1.0, score), reasons);
    }

    private static String compact(List<Token> tokens) {
        return tokens.stream().filter(t -> t.kind() != Kind.LEGAL).map(Token::text).collect(Collectors.joining());
    }

    /** 1 for the same word, less for an abbreviation or a near spelling, 0 otherwise. */
    static double similarity(Token a, Token b) {
        if (a.cjk() != b.cjk()) {
            return 0;
        }
        if (a.text().equals(b.text())) {
            return 1;
        }
        if (a.cjk()) {
            double d = bigramDice(a.text(), b.text());
            return d >= 0.5 ? d : 0;
        }
        String x = a.text();
        String y = b.text();
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        // an abbreviation the table does not know: "microelec" for "microelectronics"
        if (shorter.length() >= 4 && longer.startsWith(shorter) && a.kind() == b.kind()) {
            return 0.85;
        }
        int max = longer.length();
        if (shorter.length() < 5) {
            return 0;
        }
        double s = 1.0 - (double) levenshtein(x, y) / max;
        return s >= 0.8 ? s : 0;
    }

    private static String how(Token q, Token e, double s) {
        String kind = switch (e.kind()) {
            case CORE -> "";
            case GENERIC -> " (common word, weighed down)";
            case PLACE -> " (place name, weighed down)";
            case LEGAL -> " (legal form)";
        };
        if (s >= 1) {
            if (!q.written().equals(e.written())) {
                return "\"" + q.written() + "\" = \"" + e.written() + "\" (both read as \"" + e.text() + "\")" + kind;
            }
            return "\"" + q.written() + "\" matches" + kind;
        }
        String why = q.cjk() ? "shares characters with" : q.text().startsWith(e.text()) || e.text().startsWith(q.text())
                ? "abbreviates" : "is spelled like";
        return String.format(Locale.ROOT, "\"%s\" %s \"%s\" (%.0f%%)%s", q.written(), why, e.written(), s * 100, kind);
    }

    static double bigramDice(String a, String b) {
        List<String> x = grams(a);
        List<String> y = grams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        List<String> rest = new ArrayList<>(y);
        int common = 0;
        for (String g : x) {
            if (rest.remove(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    private static List<String> grams(String s) {
        int[] cps = s.codePoints().toArray();
        List<String> out = new ArrayList<>();
        if (cps.length == 1) {
            out.add(s);
            return out;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
