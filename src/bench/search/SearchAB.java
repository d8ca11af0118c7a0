package gov.exports.portal.screening;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Bench only: two builds of ScreeningSearch (A and B: two target/classes directories, each in its own class loader),
 * each on its own database, searched query by query in one process (A then B, then B then A for the next query …),
 * so that the load of a shared machine falls on both alike. The queries are SearchBench's 200, read from the first
 * database. Prints per round both sides' percentiles and the median over queries of B's time / A's time, and every
 * query whose results differ (entries, scores, explanations, and per name key the candidate counts and cut-off).
 * Usage (see ab.sh): java ... SearchAB jdbc-url-of-queries A-classes A-jdbc-url B-classes B-jdbc-url jars rounds
 */
public class SearchAB {

    public static void main(String[] args) throws Exception {
        String self = new File(SearchAB.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        Object[] legs = new Object[2];
        for (int k = 0; k < 2; k++) {
            List<URL> urls = new ArrayList<>(List.of(new File(self).toURI().toURL(), new File(args[1 + 2 * k]).toURI().toURL()));
            for (String j : args[5].split(":")) {
                if (!j.isEmpty()) {
                    urls.add(new File(j).toURI().toURL());
                }
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            legs[k] = cl.loadClass(SearchAB.class.getName()).getConstructor(String.class, String.class).newInstance(args[0], args[2 + 2 * k]);
        }
        int rounds = Integer.parseInt(args[6]);
        int n = (int) legs[0].getClass().getMethod("size").invoke(legs[0]);
        for (int r = 0; r < rounds; r++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            int differ = 0;
            for (int i = 0; i < n; i++) {
                double[] ms = new double[2];
                String[] found = new String[2];
                for (int k : (i + r) % 2 == 0 ? new int[] { 0, 1 } : new int[] { 1, 0 }) {
                    Object[] o = (Object[]) legs[k].getClass().getMethod("run", int.class).invoke(legs[k], i);
                    ms[k] = (Double) o[0];
                    found[k] = (String) o[1];
                }
                a.add(ms[0]);
                b.add(ms[1]);
                ratio.add(ms[1] / ms[0]);
                if (!found[0].equals(found[1])) {
                    differ++;
                    System.out.println("DIFFERENT: " + legs[0].getClass().getMethod("name", int.class).invoke(legs[0], i) + "\nA " + found[0] + "B " + found[1]);
                }
            }
            a.sort(null);
            b.sort(null);
            ratio.sort(null);
            System.out.printf(Locale.ROOT, "round %d: A p50 %.1f p90 %.1f p99 %.1f ms | B p50 %.1f p90 %.1f p99 %.1f ms | B/A per query median %.2f | %d with different results%n",
                    r, a.get(n / 2), a.get(n * 9 / 10), a.get(n * 99 / 100), b.get(n / 2), b.get(n * 9 / 10), b.get(n * 99 / 100), ratio.get(n / 2), differ);
        }
    }

    final Connection c;
    final List<ScreeningSubject> queries = new ArrayList<>();

    /** One side: SearchBench's queries read from {@code queriesUrl}, searched on {@code searchUrl} with this loader's classes. */
    public SearchAB(String queriesUrl, String searchUrl) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        try (Connection q = new org.postgresql.Driver().connect(queriesUrl, p)) {
            queries.addAll(SearchBench.queries(q));
        }
        c = new org.postgresql.Driver().connect(searchUrl, p);
        c.setAutoCommit(false);
    }

    public int size() {
        return queries.size();
    }

    public String name(int i) {
        return queries.get(i).name() + " " + queries.get(i).altNames();
    }

    /** Query i searched once (rolled back): milliseconds, and what it found as text. */
    public Object[] run(int i) throws Exception {
        long t0 = System.nanoTime();
        ScreeningSearch.Found f = ScreeningSearch.find(c, queries.get(i), PartyScorer.SEARCH_FLOOR, 50);
        double ms = (System.nanoTime() - t0) / 1e6;
        c.rollback();
        StringBuilder sb = new StringBuilder("keys " + f.candidatesByKey() + "\n");
        for (PartyScorer.Scored s : f.scored()) {
            sb.append("  ").append(s.candidate().entryId()).append(' ').append(s.score()).append(' ').append(s.matchedName()).append(' ')
                    .append(s.matchedKind()).append(' ').append(s.queryName()).append(' ').append(s.explanation()).append('\n');
        }
        return new Object[] { ms, sb.toString() };
    }
}
