package gov.exports.portal.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled queries of src/test/resources/screening/evaluation-set.tsv. */
record EvaluationSet(List<Query> queries) {

    record Query(String expectedKey, String name, String country) {
        boolean shouldMatch() {
            return expectedKey != null;
        }
    }

    static EvaluationSet load() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/screening/evaluation-set.tsv")) {
            List<Query> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                out.add(new Query(c[0].equals("-") ? null : c[0], c[1], c.length > 2 && !c[2].isBlank() ? c[2] : null));
            }
            return new EvaluationSet(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] demoList() {
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/screening/demo-list.csl.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Precision and recall: a query "finds" its entry when the expected entry is among its hits. */
    record Measure(int tp, int fp, int fn, int tn, List<String> misses) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n  %s",
                    precision(), recall(), tp, fp, fn, tn, String.join("\n  ", misses));
        }
    }

    interface Searcher {
        /** entry keys hit at or above the threshold, best first, with a printable note */
        List<String> hits(ScreeningSubject subject);
    }

    Measure measure(Searcher searcher) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> misses = new ArrayList<>();
        for (Query q : queries) {
            List<String> hits = searcher.hits(ScreeningSubject.query(q.name(), null, q.country()));
            if (q.shouldMatch()) {
                if (hits.contains(q.expectedKey())) {
                    tp++;
                    // other entries hit as well are false positives
                    int others = (int) hits.stream().filter(h -> !h.equals(q.expectedKey())).count();
                    fp += others;
                    if (others > 0) {
                        misses.add("extra hits for \"" + q.name() + "\": " + hits);
                    }
                } else {
                    fn++;
                    misses.add("MISSED " + q.expectedKey() + " for \"" + q.name() + "\", got " + hits);
                }
            } else if (hits.isEmpty()) {
                tn++;
            } else {
                fp += hits.size();
                misses.add("FALSE HIT for \"" + q.name() + "\": " + hits);
            }
        }
        return new Measure(tp, fp, fn, tn, misses);
    }
}
