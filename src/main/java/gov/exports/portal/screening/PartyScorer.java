package gov.exports.portal.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores one listed entry against a party: the best of every (party name, listed name or alias) pair, then
 * the party's country and address raise or lower it. Pure Java, so the evaluation set can check it directly.
 */
public final class PartyScorer {

    /**
     * Names the matching rules (NameKeys, NameMatcher, this class, ScreeningSearch's candidate query). Change it with
     * any of them: the next list update then screens every open party again, not only those its changes concern.
     * 2026-11-28b: candidates tied in rank at the limit are taken by name id (they were taken in no defined order), and
     * parties' keys are stored with their candidate counts (V90), which a delta re-screening needs.
     */
    public static final String MATCHING_RULES = "2026-11-28b";

    /** Scores at or above this are hits that must be dispositioned (chosen with the evaluation set, see README). */
    public static final double HIT_THRESHOLD = 0.75;
    /** The search page also shows weaker similarities, labelled as such. */
    public static final double SEARCH_FLOOR = 0.55;

    static final double SAME_COUNTRY = 0.03;
    static final double OTHER_COUNTRY = -0.12;
    static final double SAME_CITY = 0.04;
    static final double SAME_ADDRESS = 0.04;

    public record ListedName(String kind, String original) {
    }

    public record Candidate(long entryId, String entryKey, String entryName, String source,
            List<ListedName> names, List<ListEntryData.Address> addresses) {
    }

    public record Scored(Candidate candidate, double score, String matchedName, String matchedKind, String queryName,
            List<String> explanation) {
    }

    private static final Set<String> ADDRESS_NOISE = Set.of("road", "rd", "street", "st", "no", "number", "building",
            "bldg", "floor", "room", "rm", "unit", "district", "new", "area", "zone", "park", "avenue", "ave", "lu", "jie",
            "hao", "qu", "city", "province", "and", "of", "the", "china", "cn", "west", "east", "north", "south");

    private PartyScorer() {
    }

    public static Scored score(ScreeningSubject subject, Candidate c) {
        List<List<NameKeys.Token>> qt = queryTokens(subject);
        return score(subject, qt, c, bestPair(qt, c.names()));
    }

    /** Most a party's country and address can add to its name score. */
    static final double MAX_BONUS = SAME_COUNTRY + SAME_CITY + SAME_ADDRESS;

    /** The best (party name, listed name) pair of a candidate: its name score, before country and address. */
    record Best(double score, int query, ListedName name) {
        /**
         * Whether the candidate cannot reach {@code floor} whatever its addresses (the name score plus the largest
         * country and address bonus stays below it, clear of the rounding to three decimals): callers drop it
         * without explaining it or reading its addresses.
         */
        boolean below(double floor) {
            return score + MAX_BONUS + 0.001 < floor;
        }
    }

    /** The words of each of the party's names, in {@link ScreeningSubject#names()} order: computed once per search. */
    static List<List<NameKeys.Token>> queryTokens(ScreeningSubject subject) {
        List<List<NameKeys.Token>> out = new ArrayList<>();
        for (String q : subject.names()) {
            out.add(NameKeys.tokens(q));
        }
        return out;
    }

    /** The first best pair, party names in order, each against the listed names in order; null when there is none. */
    static Best bestPair(List<List<NameKeys.Token>> queryTokens, List<ListedName> listed) {
        List<List<NameKeys.Token>> et = new ArrayList<>(listed.size());
        for (ListedName n : listed) {
            et.add("ACRONYM".equals(n.kind()) ? null : listedTokens(n.original()));
        }
        double best = -1;
        Best out = null;
        for (int qi = 0; qi < queryTokens.size(); qi++) {
            List<NameKeys.Token> qt = queryTokens.get(qi);
            for (int ni = 0; ni < listed.size(); ni++) {
                ListedName n = listed.get(ni);
                double s = et.get(ni) == null ? acronym(qt, n.original()).score() - 0.05 : NameMatcher.score(qt, et.get(ni), false).score();
                if (s > best) {
                    best = s;
                    out = new Best(s, qi, n);
                }
            }
        }
        return out;
    }

    /** The candidate scored and explained from its best pair (see {@link #bestPair}). */
    static Scored score(ScreeningSubject subject, List<List<NameKeys.Token>> queryTokens, Candidate c, Best bestPair) {
        if (bestPair == null) {
            return new Scored(c, 0, c.entryName(), "NAME", subject.name(), List.of());
        }
        double best = bestPair.score();
        ListedName bestName = bestPair.name();
        NameMatcher.Result bestResult = "ACRONYM".equals(bestName.kind()) ? acronym(queryTokens.get(bestPair.query()), bestName.original())
                : NameMatcher.score(queryTokens.get(bestPair.query()), listedTokens(bestName.original()), true);
        String bestQueryName = subject.names().get(bestPair.query());
        List<String> why = new ArrayList<>();
        String kindWord = switch (bestName.kind()) {
            case "ALIAS" -> "alias";
            case "ACRONYM" -> "initials of the listed name";
            default -> "listed name";
        };
        why.add(String.format(Locale.ROOT, "\"%s\" matched the %s \"%s\" (name score %.2f)", bestQueryName, kindWord,
                bestName.original(), best));
        why.addAll(bestResult.reasons());
        double score = best;

        String country = subject.countryCode();
        Set<String> listedCountries = new HashSet<>();
        for (ListEntryData.Address a : c.addresses()) {
            if (a.country() != null) {
                listedCountries.add(a.country());
            }
        }
        if (country != null && !listedCountries.isEmpty()) {
            if (listedCountries.contains(country)) {
                score += SAME_COUNTRY;
                why.add("Country " + Countries.name(country) + " is a country of the listed addresses (+" + pct(SAME_COUNTRY) + ")");
            } else {
                score += OTHER_COUNTRY;
                why.add("Country " + Countries.name(country) + " is not among the listed addresses' countries ("
                        + String.join(", ", listedCountries) + ") (" + pct(OTHER_COUNTRY) + ")");
            }
        }
        Set<String> partyCity = words(subject.city());
        Set<String> partyAddress = words(subject.address());
        partyAddress.addAll(partyCity);
        if (!partyAddress.isEmpty()) {
            String bestAddress = null;
            double bestOverlap = 0;
            for (ListEntryData.Address a : c.addresses()) {
                Set<String> listed = words(a.display());
                if (listed.isEmpty()) {
                    continue;
                }
                Set<String> common = new HashSet<>(partyAddress);
                common.retainAll(listed);
                double overlap = (double) common.size() / Math.min(partyAddress.size(), listed.size());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    bestAddress = a.display() + " (shared words: " + String.join(", ", new java.util.TreeSet<>(common)) + ")";
                }
            }
            if (bestAddress != null) {
                double bonus = bestOverlap >= 0.6 ? SAME_CITY + SAME_ADDRESS : SAME_CITY;
                score += bonus;
                why.add("Address is like the listed address " + bestAddress + " (+" + pct(bonus) + ")");
            }
        }
        score = Math.max(0, Math.min(1, score));
        return new Scored(c, Math.round(score * 1000) / 1000.0, bestName.original(), bestName.kind(), bestQueryName, why);
    }

    /** Words of listed names, kept: the same few thousand names are scored again and again. */
    private static final java.util.concurrent.ConcurrentHashMap<String, List<NameKeys.Token>> LISTED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int LISTED_MAX = 200_000;

    static List<NameKeys.Token> listedTokens(String original) {
        List<NameKeys.Token> t = LISTED.get(original);
        if (t == null) {
            t = List.copyOf(NameKeys.tokens(original));
            if (LISTED.size() >= LISTED_MAX) {
                LISTED.clear();
            }
            LISTED.put(original, t);
        }
        return t;
    }

    /** A party written as initials ("SMIC") against the initials of a long listed name. */
    private static NameMatcher.Result acronym(List<NameKeys.Token> q, String acronym) {
        List<NameKeys.Token> distinctive = q.stream().filter(t -> t.kind() != NameKeys.Kind.LEGAL).toList();
        if (distinctive.size() == 1 && !distinctive.get(0).cjk() && distinctive.get(0).text().equals(acronym)) {
            return new NameMatcher.Result(q.size() == 1 ? 1.0 : 0.95,
                    List.of("\"" + distinctive.get(0).written() + "\" is the initials of the listed name"));
        }
        return new NameMatcher.Result(0, List.of());
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) {
            return out;
        }
        for (String w : NameKeys.fold(s).split(" ")) {
            if (w.length() >= 2 && !ADDRESS_NOISE.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
