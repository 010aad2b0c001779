package com.budgetsync.corpus;

import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.mapping.HeaderNames;
import com.budgetsync.mapping.Layout;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.mapping.TargetField;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the mapper did on one real file against its answer. Right: imported with every required field (and the
 * sub-category when the answer names one) as the analyst would map it, or sent to review when the answer says the
 * file is ambiguous. Review: an unambiguous file stopped for a person. Wrong-confident: imported with a wrong field —
 * the one outcome that must never happen.
 */
record CorpusVerdict(Outcome outcome, List<FieldCheck> fields, List<String> wrong) {
    enum Outcome { RIGHT, REVIEW, WRONG_CONFIDENT }

    /** One mapped field: its confidence and whether the answer agrees. */
    record FieldCheck(TargetField field, double confidence, boolean right) {
    }

    static CorpusVerdict judge(CorpusAnswer answer, MappingResult result) {
        ColumnMapping m = result.mapping();
        List<FieldCheck> checks = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        check(checks, wrong, TargetField.DEPARTMENT, m.department(), single(answer.department(), m.department()));
        check(checks, wrong, TargetField.FISCAL_PERIOD, m.fiscalPeriod(), period(answer, m));
        check(checks, wrong, TargetField.AMOUNT, m.amount(), amount(answer, m));
        if (!CorpusAnswer.isNone(answer.subCategory()) && !CorpusAnswer.isAny(answer.subCategory())) {
            check(checks, wrong, TargetField.SUB_CATEGORY, m.subCategory(),
                    single(answer.subCategory(), m.subCategory()));
        }
        Outcome outcome;
        if (result.needsReview()) {
            outcome = answer.ambiguous() ? Outcome.RIGHT : Outcome.REVIEW;
        } else {
            outcome = wrong.isEmpty() ? Outcome.RIGHT : Outcome.WRONG_CONFIDENT;
        }
        return new CorpusVerdict(outcome, checks, wrong);
    }

    private static void check(List<FieldCheck> checks, List<String> wrong, TargetField field, FieldMapping mapped,
                              boolean right) {
        if (!right) {
            wrong.add(field.jsonName() + "=" + describe(mapped));
        }
        if (mapped != null) {
            checks.add(new FieldCheck(field, mapped.confidence(), right));
        }
    }

    private static boolean single(JsonNode answer, FieldMapping mapped) {
        return CorpusAnswer.accepts(answer, mapped == null || mapped.isWide() ? null : mapped.column());
    }

    /** Long: the period column (or both columns of a split period); wide: the same set of period columns. */
    private static boolean period(CorpusAnswer answer, ColumnMapping m) {
        FieldMapping p = m.fiscalPeriod();
        if (p == null) {
            return false;
        }
        if (answer.wide()) {
            return m.layout() == Layout.WIDE && sameColumns(answer.periodColumns(), p.columns())
                    && source(answer.periodFrom(), p);
        }
        if (m.layout() == Layout.WIDE) {
            return false;
        }
        if (p.isWide()) {
            List<String> accepted = CorpusAnswer.headers(answer.fiscalPeriod());
            return CorpusAnswer.isAny(answer.fiscalPeriod())
                    || p.columns().stream().map(HeaderNames::normalize).allMatch(accepted::contains);
        }
        if (CorpusAnswer.isNone(answer.fiscalPeriod())) {
            return p.column() == null && source(answer.periodFrom(), p);
        }
        return CorpusAnswer.accepts(answer.fiscalPeriod(), p.column());
    }

    /** A wide amount comes from the period columns; a long one from its column. */
    private static boolean amount(CorpusAnswer answer, ColumnMapping m) {
        FieldMapping a = m.amount();
        if (a == null) {
            return false;
        }
        if (answer.wide()) {
            return a.isWide() && sameColumns(answer.periodColumns(), a.columns());
        }
        return single(answer.amount(), a);
    }

    private static boolean sameColumns(JsonNode answer, List<String> columns) {
        if (CorpusAnswer.isAny(answer)) {
            return columns != null && !columns.isEmpty();
        }
        Set<String> expected = new HashSet<>(CorpusAnswer.headers(answer));
        return columns != null && expected.equals(new HashSet<>(columns.stream().map(HeaderNames::normalize).toList()));
    }

    /**
     * Where the period (or the year of month columns) comes from when no column holds it whole: "column" and "headers"
     * are checked by the columns themselves; "filename" and "title" must be what the mapping's reason names.
     */
    private static boolean source(JsonNode periodFrom, FieldMapping p) {
        if (CorpusAnswer.isNone(periodFrom) || CorpusAnswer.isAny(periodFrom)) {
            return true;
        }
        String reason = p.reason() == null ? "" : p.reason().toLowerCase(Locale.ROOT);
        return switch (periodFrom.asText()) {
            case "filename" -> p.fixed() != null && reason.contains("file name");
            case "title" -> p.fixed() != null && reason.contains("title row");
            default -> true;
        };
    }

    static String describe(FieldMapping m) {
        if (m == null) {
            return "-";
        }
        if (m.isWide()) {
            List<String> c = m.columns();
            String range = c.size() == 1 ? c.get(0) : c.get(0) + "…" + c.get(c.size() - 1) + " (" + c.size() + ")";
            return (m.column() == null ? "" : m.column() + "+") + range;
        }
        return m.column() == null ? "(" + m.reason() + ")" : m.column();
    }
}
