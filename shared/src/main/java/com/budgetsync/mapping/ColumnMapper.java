package com.budgetsync.mapping;

import com.budgetsync.normalize.DecimalMark;
import com.budgetsync.normalize.TotalRows;
import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Works out which columns hold which field from two kinds of evidence: the header (a multilingual lexicon, typos) and
 * the sample values (periods, amounts versus identifiers, currency codes, text labels). Values can veto a misleading
 * header. Pinned columns win; a wide layout (periods as headers) is recognised next; each remaining field then takes
 * the best free column, so one column never feeds two fields. Then three rules a finance analyst would apply: the top
 * organisation level is the department ({@link OrgLevels}), the original budget is the amount among several
 * ({@link AmountColumns}), and a year the file states once is the period when no column holds one. A required field
 * below the threshold, missing, or tied with another column on equal evidence leaves the mapping for review, with a
 * question per decision.
 */
public final class ColumnMapper {
    private static final double MIN_REQUIRED = 0.4;
    private static final double MIN_OPTIONAL = 0.6;
    private static final double TIE_MARGIN = 0.05;
    private static final double TIED_CONFIDENCE = 0.5;
    private static final int ALTERNATIVES = 3;
    private static final double SOLE_EVIDENCE = 0.8;
    /** A column of two values is a flag (revenue/expense, current/capital), not a sub-category level. */
    private static final int FLAG_VALUES = 2;
    private static final double SOLE_FIT = 0.95;
    private static final double SOLE_RIVAL = 0.3;
    private static final int SOLE_ROWS = 6;
    /** Budget holders repeat: at most half as many names as rows. */
    private static final double REPEATING = 0.5;
    private static final double OTHER_TEXT = 0.5;

    public MappingResult map(List<String> headers, List<DataRow> sample, MappingOptions options) {
        return map(headers, sample, FileContext.NONE, options);
    }

    public MappingResult map(List<String> headers, List<DataRow> sample, FileContext context, MappingOptions options) {
        List<DataRow> data = dataRows(sample);
        List<ColumnProfile> profiles = IdentifierColumns.marked(headers, profiles(headers, data), data);
        Map<TargetField, FieldMapping> chosen = new EnumMap<>(TargetField.class);
        Set<Integer> taken = new HashSet<>();
        ReviewNotes review = new ReviewNotes();
        pin(headers, options, chosen, taken, review);

        Layout layout = Layout.LONG;
        Optional<WidePeriods.Columns> wide = chosen.containsKey(TargetField.FISCAL_PERIOD)
                || chosen.containsKey(TargetField.AMOUNT)
                ? Optional.empty()
                : WidePeriods.detect(headers, profiles, taken, context, options.fiscalYear())
                        .filter(c -> c.periods().size() >= 2 || !anyPeriodColumn(headers, profiles, taken));
        if (wide.isPresent()) {
            layout = Layout.WIDE;
            WideMapping.apply(headers, wide.get(), profiles, chosen, taken, review);
        } else if (!chosen.containsKey(TargetField.FISCAL_PERIOD)) {
            SplitPeriods.detect(headers, profiles, taken).ifPresent(split -> {
                taken.addAll(split.indexes());
                chosen.put(TargetField.FISCAL_PERIOD, split);
            });
        }

        List<Candidate> candidates = candidates(headers, profiles, chosen.keySet(), taken);
        Map<TargetField, Candidate> winners = winners(candidates, chosen, taken);
        Set<TargetField> decided = new HashSet<>(
                OrgLevels.apply(headers, profiles, data, candidates, winners, chosen, taken, review));
        if (!decided.contains(TargetField.SUB_CATEGORY)) {
            SubCategoryKinds.apply(headers, candidates, winners, taken, TIE_MARGIN);
        }
        levelBelow(headers, profiles, data, candidates, winners, chosen, taken);
        if (AmountColumns.apply(headers, profiles, candidates, winners, taken, review)) {
            decided.add(TargetField.AMOUNT);
        }
        record(headers, data, profiles, candidates, winners, decided, chosen, taken, review);
        if (!chosen.containsKey(TargetField.FISCAL_PERIOD)) {
            StatedYear.find(context, options.fiscalYear()).ifPresent(year -> chosen.put(TargetField.FISCAL_PERIOD,
                    new FieldMapping(null, null, null, null, year.confidence(), "no column holds the fiscal period; "
                            + year.period() + " from " + year.where(), List.of(), year.period())));
        }
        FieldMapping amount = chosen.get(TargetField.AMOUNT);
        DecimalMark decimalMark = amount == null ? DecimalMark.UNKNOWN : DecimalMark.detect(
                (amount.isWide() ? amount.indexes() : List.of(amount.index())).stream()
                        .flatMap(i -> values(sample, i).stream()).toList());
        checkRequired(headers, candidates, chosen, options.threshold(), review);
        return new MappingResult(ColumnMapping.of(layout, chosen, decimalMark), !review.isEmpty(), review.problems(),
                review.questions());
    }

    /**
     * No header names a sub-category, but a column of names lies under the department (each of its values under one
     * department): that next level is the sub-category, with no more confidence than its values give.
     */
    private static void levelBelow(List<String> headers, List<ColumnProfile> profiles, List<DataRow> data,
                                   List<Candidate> candidates, Map<TargetField, Candidate> winners,
                                   Map<TargetField, FieldMapping> chosen, Set<Integer> taken) {
        if (winners.containsKey(TargetField.SUB_CATEGORY) || chosen.containsKey(TargetField.SUB_CATEGORY)) {
            return;
        }
        Integer department = winners.containsKey(TargetField.DEPARTMENT)
                ? Integer.valueOf(winners.get(TargetField.DEPARTMENT).index())
                : chosen.containsKey(TargetField.DEPARTMENT) ? chosen.get(TargetField.DEPARTMENT).index() : null;
        if (department == null) {
            return;
        }
        ParentLevels.below(headers, profiles, data, department, taken).ifPresent(i -> candidates.stream()
                .filter(c -> c.field() == TargetField.SUB_CATEGORY && c.index() == i).findFirst().ifPresent(c -> {
                    winners.put(TargetField.SUB_CATEGORY, c.withReason("each of its values lies under one '"
                            + headers.get(department) + "': the level below the department"));
                    taken.add(i);
                }));
    }

    /**
     * A column of periods that may hold the file's period: not one whose header names another field ("Appropriation
     * Authority" 2005, 2010: codes that look like years).
     */
    private static boolean anyPeriodColumn(List<String> headers, List<ColumnProfile> profiles, Set<Integer> taken) {
        return IntStream.range(0, profiles.size())
                .anyMatch(i -> !taken.contains(i) && profiles.get(i).values() > 0 && profiles.get(i).periods() >= 0.9
                        && !namesAnotherField(headers.get(i), TargetField.FISCAL_PERIOD));
    }

    /** The header names a different field, or an identifier: its values are not that field's by their look alone. */
    private static boolean namesAnotherField(String header, TargetField field) {
        return Lexicon.wordIn(Lexicon.IDENTIFIER, HeaderNames.normalize(header)) != null
                || Arrays.stream(TargetField.values()).anyMatch(f -> f != field
                        && HeaderMatch.of(f, header).score() >= MIN_OPTIONAL);
    }

    private static void pin(List<String> headers, MappingOptions options, Map<TargetField, FieldMapping> chosen,
                            Set<Integer> taken, ReviewNotes review) {
        options.pins().forEach((column, field) -> {
            int index = IntStream.range(0, headers.size())
                    .filter(i -> HeaderNames.normalize(headers.get(i)).equals(HeaderNames.normalize(column)))
                    .findFirst().orElse(-1);
            if (index < 0) {
                review.problem("pinned column '" + column + "' (" + field.jsonName() + ") is not in the file");
            } else {
                chosen.put(field, FieldMapping.single(headers.get(index), index, 1.0, "pinned in the config", List.of()));
                taken.add(index);
            }
        });
    }

    private static List<Candidate> candidates(List<String> headers, List<ColumnProfile> profiles,
                                              Set<TargetField> done, Set<Integer> taken) {
        List<Candidate> candidates = new ArrayList<>();
        for (TargetField field : TargetField.values()) {
            if (done.contains(field)) {
                continue;
            }
            for (int i = 0; i < headers.size(); i++) {
                if (!taken.contains(i)) {
                    candidates.add(Candidate.of(field, headers.get(i), i, profiles.get(i)));
                }
            }
        }
        // Equal evidence: the coarser level (fewer distinct values) ranks first: departments repeat more than
        // sub-categories do, and the sub-category is the level right below.
        // A sub-category of two values is a flag (revenue/expense), not the next level: it ranks last there.
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.rank(TIE_MARGIN)).reversed()
                .thenComparing(c -> c.field() == TargetField.SUB_CATEGORY && c.distinct() <= FLAG_VALUES)
                .thenComparingInt(Candidate::distinct).thenComparingInt(Candidate::index));
        return candidates;
    }

    /** Each field takes the best acceptable free column, best evidence first. */
    private static Map<TargetField, Candidate> winners(List<Candidate> candidates,
                                                       Map<TargetField, FieldMapping> chosen, Set<Integer> taken) {
        Map<TargetField, Candidate> winners = new EnumMap<>(TargetField.class);
        for (Candidate c : candidates) {
            if (chosen.containsKey(c.field()) || winners.containsKey(c.field()) || taken.contains(c.index())
                    || !acceptable(c)) {
                continue;
            }
            winners.put(c.field(), c);
            taken.add(c.index());
        }
        return winners;
    }

    /**
     * Writes each winner down with its alternatives. A required field whose runner-up has the same evidence — as
     * good a score and a header as much (or as little) the field's own name — is a tie: a person decides.
     */
    private static void record(List<String> headers, List<DataRow> data, List<ColumnProfile> profiles,
                               List<Candidate> candidates,
                               Map<TargetField, Candidate> winners,
                               Set<TargetField> decided, Map<TargetField, FieldMapping> chosen, Set<Integer> taken,
                               ReviewNotes review) {
        winners.forEach((field, winner) -> {
            List<Candidate> others = candidates.stream()
                    .filter(o -> o.field() == field && o.index() != winner.index() && o.score() >= 0.3).toList();
            Optional<Candidate> tie = others.stream()
                    .filter(o -> !taken.contains(o.index()) && o.score() >= winner.score() - TIE_MARGIN
                            && o.exactHeader() == winner.exactHeader() && acceptable(o))
                    .filter(o -> field != TargetField.FISCAL_PERIOD || !SamePeriods.agree(data, winner.index(), o.index()))
                    .filter(o -> !IdentifierColumns.sameLabels(headers, data, profiles, winner.index(), o.index()))
                    .filter(o -> field != TargetField.SUB_CATEGORY || o.distinct() > FLAG_VALUES
                            && SubCategoryKinds.tie(headers, winner, o))
                    .findFirst();
            double confidence = review.asked(field) ? Math.min(winner.score(), TIED_CONFIDENCE) : winner.score();
            String reason = winner.reason();
            if (tie.isEmpty() && soleValueEvidence(headers, winner, others)) {
                confidence = Math.max(confidence, SOLE_EVIDENCE);
                reason += "; the only column whose values fit";
            } else if (tie.isEmpty() && soleLabels(headers, data, profiles, winner)) {
                confidence = Math.max(confidence, SOLE_EVIDENCE);
                reason += "; the only column of repeating names in the file";
            }
            // A sub-category is optional, but a wrong one files every budget under the wrong line: a tie asks too.
            if (tie.isPresent() && field != TargetField.CURRENCY && !review.asked(field) && !decided.contains(field)) {
                confidence = Math.min(confidence, TIED_CONFIDENCE);
                reason += "; tied with '" + headers.get(tie.get().index()) + "'";
                List<Alternative> ranked = new ArrayList<>();
                ranked.add(new Alternative(headers.get(winner.index()), round(confidence)));
                others.stream().limit(ALTERNATIVES).forEach(o -> ranked.add(
                        new Alternative(headers.get(o.index()), round(Math.min(o.score(), TIED_CONFIDENCE)))));
                review.askWhich(field, field.jsonName() + ": '" + headers.get(winner.index()) + "' and '"
                        + headers.get(tie.get().index()) + "' are equally plausible; pin one in the config", ranked);
            }
            // No alternative ranks above the choice: a column tied with it shares its (capped) confidence.
            double shown = confidence;
            List<Alternative> alternatives = others.stream().limit(ALTERNATIVES)
                    .map(o -> new Alternative(headers.get(o.index()), round(Math.min(o.score(), shown)))).toList();
            chosen.put(field, FieldMapping.single(headers.get(winner.index()), winner.index(), round(confidence),
                    reason, alternatives));
        });
    }

    /**
     * A header the lexicon cannot read, but values that fit and no other column that comes close: the values decide
     * (a lone column of years, a lone column of amounts).
     */
    private static boolean soleValueEvidence(List<String> headers, Candidate winner, List<Candidate> others) {
        return (winner.field() == TargetField.FISCAL_PERIOD || winner.field() == TargetField.AMOUNT)
                && winner.headerScore() == 0 && winner.score() >= SOLE_FIT * (1 - Candidate.HEADER_WEIGHT)
                && others.stream().noneMatch(o -> o.score() >= SOLE_RIVAL)
                && !namesAnotherField(headers.get(winner.index()), winner.field());
    }

    /**
     * A department header the lexicon cannot read ("priorityEn", a word of an unlisted language) over the file's only
     * column of names, which repeat as budget holders do: the values decide. A header naming a line ("Account") or
     * any other text column (but the same names in a second language) leaves the choice to a person; a header naming
     * a counterparty (supplier, payee) is no candidate at all.
     */
    private static boolean soleLabels(List<String> headers, List<DataRow> data, List<ColumnProfile> profiles,
                                      Candidate winner) {
        ColumnProfile p = profiles.get(winner.index());
        return winner.field() == TargetField.DEPARTMENT && winner.headerScore() == 0 && p.labels() >= SOLE_FIT
                && HeaderMatch.of(TargetField.SUB_CATEGORY, headers.get(winner.index())).score() < MIN_OPTIONAL
                && p.values() >= SOLE_ROWS && p.distinct() >= 2 && p.distinct() <= REPEATING * p.values()
                && IntStream.range(0, profiles.size()).filter(i -> i != winner.index())
                        .noneMatch(i -> profiles.get(i).labels() >= OTHER_TEXT
                                && !IdentifierColumns.sameLabels(headers, data, profiles, winner.index(), i));
    }

    /** Required fields take any column with some evidence; optional ones need their header to name them. */
    static boolean acceptable(Candidate c) {
        return switch (c.field()) {
            case DEPARTMENT, FISCAL_PERIOD, AMOUNT -> c.score() >= MIN_REQUIRED;
            case SUB_CATEGORY -> c.score() >= MIN_OPTIONAL && c.headerScore() >= MIN_OPTIONAL;
            case CURRENCY -> c.score() >= MIN_OPTIONAL;
        };
    }

    private static void checkRequired(List<String> headers, List<Candidate> candidates,
                                      Map<TargetField, FieldMapping> chosen, double threshold, ReviewNotes review) {
        for (TargetField field : TargetField.values()) {
            FieldMapping m = chosen.get(field);
            if (!field.required() || review.asked(field)) {
                continue;
            }
            if (m == null) {
                List<Candidate> closest = candidates.stream().filter(c -> c.field() == field && c.score() > 0)
                        .limit(ALTERNATIVES).toList();
                List<Alternative> best = closest.stream()
                        .map(c -> new Alternative(headers.get(c.index()), round(c.score()))).toList();
                // A column named in the field's own words was refused by its values: say what they showed.
                String refused = candidates.stream()
                        .filter(c -> c.field() == field && c.headerScore() >= Candidate.OWN_NAME).findFirst()
                        .map(c -> " ('" + headers.get(c.index()) + "' is named like it, but its values do not fit: "
                                + c.reason() + ")").orElse("");
                review.ask(field, "no column found for required field " + field.jsonName() + refused,
                        "No column looks like the " + ReviewNotes.name(field) + (best.isEmpty() ? "" : "; closest: "
                                + String.join(", ", best.stream().map(a -> "'" + a.column() + "'").toList()))
                                + refused + ". Which column is it?", best);
            } else if (m.confidence() < threshold) {
                List<Alternative> ranked = new ArrayList<>();
                ranked.add(new Alternative(m.isWide() ? "period columns" : m.column(), m.confidence()));
                ranked.addAll(m.alternatives() == null ? List.of() : m.alternatives());
                String problem = field.jsonName() + " ← " + (m.isWide() ? "period columns" : "'" + m.column() + "'")
                        + " has confidence " + String.format(Locale.ROOT, "%.2f", m.confidence())
                        + ", below the threshold " + threshold;
                if (ranked.size() > 1) {
                    review.askWhich(field, problem, ranked);
                } else {
                    review.ask(field, problem, "Is " + (m.isWide() ? "the period columns" : "'" + m.column() + "'")
                            + " the " + ReviewNotes.name(field) + "? (confidence " + String.format(Locale.ROOT,
                            "%.2f", m.confidence()) + ": " + m.reason() + ")", ranked);
                }
            }
        }
    }

    /** Sample rows that are data: blank and total rows are left out. */
    private static List<DataRow> dataRows(List<DataRow> sample) {
        return sample.stream().filter(r -> !r.isBlank() && r.cells().stream().noneMatch(TotalRows::isTotal)).toList();
    }

    private static List<ColumnProfile> profiles(List<String> headers, List<DataRow> data) {
        return IntStream.range(0, headers.size()).mapToObj(i -> ColumnProfile.of(values(data, i), data.size()))
                .toList();
    }

    static List<String> values(List<DataRow> rows, int index) {
        return rows.stream().map(r -> r.cell(index)).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
