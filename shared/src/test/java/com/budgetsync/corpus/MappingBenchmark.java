package com.budgetsync.corpus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.budgetsync.corpus.CorpusVerdict.FieldCheck;
import com.budgetsync.corpus.CorpusVerdict.Outcome;
import com.budgetsync.mapping.TargetField;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code mvn -pl shared -Pbench-mapping test-compile exec:java} (or {@link #main} from an IDE, working directory
 * {@code shared}): maps every real corpus file and prints, per file, right / review / wrong-confident with the time
 * to detect + map and to build the preview; the totals; and the calibration table (how often a field mapped with a
 * given confidence is right).
 */
public final class MappingBenchmark {
    static final double[] BUCKETS = {0.9, 0.7, 0.5, 0.0};
    static final double RIGHT_FLOOR = 0.85;
    static final double PREVIEW_FLOOR_MS = 300;

    private MappingBenchmark() {
    }

    /** {@code MappingBenchmark [corpus dir]}; the first pass over the corpus warms the JVM up, the second is timed. */
    public static void main(String[] args) {
        // POI logs every workbook part it opens at DEBUG; the table is what this prints.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = args.length > 0 ? Path.of(args[0]) : RealCorpus.DIR;
        List<CorpusAnswer> answers = RealCorpus.answers(dir);
        answers.forEach(a -> RealCorpus.run(dir, a));
        List<RealCorpus.Run> runs = answers.stream().map(a -> RealCorpus.run(dir, a)).toList();
        print(runs, System.out);
    }

    static void print(List<RealCorpus.Run> runs, PrintStream out) {
        out.printf(Locale.ROOT, "%-46s %-5s %-16s %8s %8s  %s%n", "file", "lang", "outcome", "map ms", "prev ms",
                "mapping / what is wrong");
        for (RealCorpus.Run run : runs) {
            String detail = run.error() != null ? run.error()
                    : run.verdict().wrong().isEmpty() ? mapped(run) : "wrong: " + String.join(", ", run.verdict().wrong())
                    + (run.result().needsReview() ? " | review: " + String.join("; ", run.result().problems()) : "");
            out.printf(Locale.ROOT, "%-46s %-5s %-16s %8.1f %8.1f  %s%n", cut(run.answer().file(), 46),
                    run.answer().language(), label(run), run.mapMillis(), run.previewMillis(), detail);
        }
        long right = count(runs, Outcome.RIGHT);
        long review = count(runs, Outcome.REVIEW);
        long wrong = count(runs, Outcome.WRONG_CONFIDENT);
        double share = runs.isEmpty() ? 0 : (double) right / runs.size();
        out.printf(Locale.ROOT, "%nfiles %d: right %d (%.0f%%, floor %.0f%%), review %d, wrong-confident %d (floor 0)%n",
                runs.size(), right, share * 100, RIGHT_FLOOR * 100, review, wrong);
        double maxPreview = runs.stream().mapToDouble(RealCorpus.Run::previewMillis).max().orElse(0);
        double meanMap = runs.stream().mapToDouble(RealCorpus.Run::mapMillis).average().orElse(0);
        out.printf(Locale.ROOT, "detect + map: mean %.1f ms per file; preview: slowest %.1f ms (floor %.0f ms)%n",
                meanMap, maxPreview, PREVIEW_FLOOR_MS);
        out.println();
        out.println(calibration(runs));
    }

    /** Fields mapped per confidence bucket and the share of them that are right. */
    static String calibration(List<RealCorpus.Run> runs) {
        List<FieldCheck> fields = new ArrayList<>();
        runs.stream().filter(r -> r.verdict() != null).forEach(r -> fields.addAll(r.verdict().fields()));
        StringBuilder table = new StringBuilder("confidence   fields  right  share\n");
        double upper = Double.MAX_VALUE;
        for (double lower : BUCKETS) {
            double hi = upper;
            List<FieldCheck> in = fields.stream().filter(f -> f.confidence() >= lower && f.confidence() < hi).toList();
            long right = in.stream().filter(FieldCheck::right).count();
            table.append(String.format(Locale.ROOT, "%-12s %6d %6d  %s%n", bucket(lower, hi), in.size(), right,
                    in.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * right / in.size())));
            upper = lower;
        }
        for (double floor : new double[] {0.9, 0.7}) {
            List<FieldCheck> atLeast = fields.stream().filter(f -> f.confidence() >= floor).toList();
            table.append(String.format(Locale.ROOT, "≥%.1f: %d of %d right (%s)%n", floor,
                    atLeast.stream().filter(FieldCheck::right).count(), atLeast.size(),
                    atLeast.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f%%",
                            100.0 * atLeast.stream().filter(FieldCheck::right).count() / atLeast.size())));
        }
        return table.toString();
    }

    static long count(List<RealCorpus.Run> runs, Outcome outcome) {
        return runs.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String bucket(double lower, double upper) {
        if (upper == Double.MAX_VALUE) {
            return String.format(Locale.ROOT, "≥%.1f", lower);
        }
        return lower == 0 ? String.format(Locale.ROOT, "<%.1f", upper)
                : String.format(Locale.ROOT, "%.1f–%.1f", lower, upper);
    }

    private static String label(RealCorpus.Run run) {
        if (run.error() != null) {
            return "unreadable";
        }
        String outcome = run.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return run.result().needsReview() && run.outcome() == Outcome.RIGHT ? "right (ambiguous)" : outcome;
    }

    private static String mapped(RealCorpus.Run run) {
        List<String> parts = new ArrayList<>();
        for (TargetField field : List.of(TargetField.DEPARTMENT, TargetField.FISCAL_PERIOD, TargetField.AMOUNT,
                TargetField.SUB_CATEGORY)) {
            var m = run.result().mapping().get(field);
            if (m != null) {
                parts.add(field.jsonName() + "=" + CorpusVerdict.describe(m)
                        + String.format(Locale.ROOT, " %.2f", m.confidence()));
            }
        }
        String text = String.join(", ", parts);
        return run.result().needsReview() ? text + " | review: " + String.join("; ", run.result().problems()) : text;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
