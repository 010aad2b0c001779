package com.budgetsync.mapping;

import com.budgetsync.normalize.DecimalMark;
import com.budgetsync.normalize.TotalRows;
import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
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
 * Works out which columns hold which field from two kinds of evidence: the header (synonyms, typos) and the sample
 * values (periods, amounts, currency codes, text labels). Values can veto a misleading header. Pinned columns win;
 * each field then takes the best free column in order of score, so one column never feeds two fields. A required
 * field below the threshold, missing, or tied with another column leaves the mapping for a person to review.
 */
public final class ColumnMapper {
    private static final double HEADER_WEIGHT = 0.5;
    private static final double CURRENCY_HEADER_WEIGHT = 0.3;
    private static final double MIN_REQUIRED = 0.4;
    private static final double MIN_OPTIONAL = 0.6;
    private static final double TIE_MARGIN = 0.05;
    private static final double TIED_CONFIDENCE = 0.5;
    private static final int ALTERNATIVES = 3;
    private static final double AMOUNT_SHARE = 0.8;

    public MappingResult map(List<String> headers, List<DataRow> sample, MappingOptions options) {
        List<ColumnProfile> profiles = profiles(headers, sample);
        Map<TargetField, FieldMapping> chosen = new EnumMap<>(TargetField.class);
        Set<Integer> taken = new HashSet<>();
        List<String> problems = new ArrayList<>();
        pin(headers, options, chosen, taken, problems);

        Layout layout = Layout.LONG;
        Optional<WidePeriods.Columns> wide = chosen.containsKey(TargetField.FISCAL_PERIOD)
                || chosen.containsKey(TargetField.AMOUNT)
                ? Optional.empty()
                : WidePeriods.detect(headers, profiles, taken).filter(c -> amountsUnder(c.periods(), profiles));
        if (wide.isPresent()) {
            layout = Layout.WIDE;
            List<Integer> columns = wide.get().periods();
            taken.addAll(columns);
            Integer year = wide.get().year();
            if (year != null) {
                taken.add(year);
            }
            chosen.put(TargetField.FISCAL_PERIOD, widePeriods(headers, columns, year, profiles));
            chosen.put(TargetField.AMOUNT, wideAmounts(headers, columns, profiles));
        } else if (!chosen.containsKey(TargetField.FISCAL_PERIOD)) {
            SplitPeriods.detect(headers, profiles, taken).ifPresent(split -> {
                taken.addAll(split.indexes());
                chosen.put(TargetField.FISCAL_PERIOD, split);
            });
        }

        List<Candidate> candidates = candidates(headers, profiles, chosen.keySet(), taken);
        assign(headers, candidates, chosen, taken, problems);
        if (!options.pins().containsValue(TargetField.AMOUNT)) {
            flagActualsBesideAmount(headers, profiles, chosen, problems);
        }
        FieldMapping amount = chosen.get(TargetField.AMOUNT);
        DecimalMark decimalMark = amount == null ? DecimalMark.UNKNOWN : DecimalMark.detect(
                (amount.isWide() ? amount.indexes() : List.of(amount.index())).stream()
                        .flatMap(i -> values(sample, i).stream()).toList());
        checkRequired(chosen, options.threshold(), problems);
        return new MappingResult(ColumnMapping.of(layout, chosen, decimalMark), !problems.isEmpty(), problems);
    }

    /**
     * Budget and actual amounts side by side is the ambiguity that costs most if guessed wrong: procurement would
     * check requests against spend. A person confirms the budget column once, by pinning it in the config.
     */
    private static void flagActualsBesideAmount(List<String> headers, List<ColumnProfile> profiles,
                                                Map<TargetField, FieldMapping> chosen, List<String> problems) {
        FieldMapping amount = chosen.get(TargetField.AMOUNT);
        if (amount == null || amount.isWide()) {
            return;
        }
        IntStream.range(0, headers.size())
                .filter(i -> i != amount.index() && profiles.get(i).amounts() >= AMOUNT_SHARE
                        && Synonyms.ACTUALS.contains(HeaderNames.normalize(headers.get(i))))
                .findFirst()
                .ifPresent(actual -> {
                    problems.add("amount: '" + amount.column() + "' and '" + headers.get(actual) + "' both hold amounts;"
                            + " pin the budget column in the config (options.pins {\"" + amount.column()
                            + "\": \"amount\"}) to import");
                    double capped = Math.min(amount.confidence(), TIED_CONFIDENCE);
                    chosen.put(TargetField.AMOUNT, FieldMapping.single(amount.column(), amount.index(), capped,
                            amount.reason() + "; '" + headers.get(actual) + "' beside it holds actual amounts",
                            amount.alternatives().stream()
                                    .map(a -> new Alternative(a.column(), Math.min(a.confidence(), capped))).toList()));
                });
    }

    private static void pin(List<String> headers, MappingOptions options, Map<TargetField, FieldMapping> chosen,
                            Set<Integer> taken, List<String> problems) {
        options.pins().forEach((column, field) -> {
            int index = IntStream.range(0, headers.size())
                    .filter(i -> HeaderNames.normalize(headers.get(i)).equals(HeaderNames.normalize(column)))
                    .findFirst().orElse(-1);
            if (index < 0) {
                problems.add("pinned column '" + column + "' (" + field.jsonName() + ") is not in the file");
            } else {
                chosen.put(field, FieldMapping.single(headers.get(index), index, 1.0, "pinned in the config", List.of()));
                taken.add(index);
            }
        });
    }

    private static boolean amountsUnder(List<Integer> columns, List<ColumnProfile> profiles) {
        return columns.stream().map(profiles::get).filter(p -> p.values() > 0)
                .allMatch(p -> p.amounts() >= 0.8);
    }

    private static FieldMapping widePeriods(List<String> headers, List<Integer> columns, Integer year,
                                            List<ColumnProfile> profiles) {
        List<String> names = columns.stream().map(headers::get).toList();
        double amounts = meanAmountShare(columns, profiles);
        String reason = columns.size() + " column headers are " + (year == null ? "fiscal periods" : "months or quarters")
                + " (" + names.get(0) + " … " + names.get(names.size() - 1) + "): a wide export, unpivoted to one row per"
                + " period" + (year == null ? "" : ", the year from '" + headers.get(year) + "'");
        double confidence = round(HEADER_WEIGHT + (1 - HEADER_WEIGHT) * amounts);
        return year == null ? FieldMapping.wide(names, columns, confidence, reason)
                : new FieldMapping(headers.get(year), year, names, columns, confidence, reason, List.of());
    }

    private static FieldMapping wideAmounts(List<String> headers, List<Integer> columns, List<ColumnProfile> profiles) {
        double amounts = meanAmountShare(columns, profiles);
        return FieldMapping.wide(columns.stream().map(headers::get).toList(), columns,
                round(HEADER_WEIGHT + (1 - HEADER_WEIGHT) * amounts),
                ColumnProfile.percent(amounts) + " of values under the period columns are amounts");
    }

    private static double meanAmountShare(List<Integer> columns, List<ColumnProfile> profiles) {
        return columns.stream().map(profiles::get).mapToDouble(p -> p.values() == 0 ? 1 : p.amounts())
                .average().orElse(0);
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
                    candidates.add(score(field, headers.get(i), i, profiles.get(i)));
                }
            }
        }
        // Equal evidence: departments repeat more than sub-categories do, so fewer distinct values ranks first.
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::distinct).thenComparingInt(Candidate::index));
        return candidates;
    }

    private static Candidate score(TargetField field, String header, int index, ColumnProfile profile) {
        HeaderMatch match = HeaderMatch.of(field, header);
        double fit = profile.fit(field);
        double score;
        if (Double.isNaN(fit)) {
            score = match.score();
        } else {
            double headerWeight = field == TargetField.CURRENCY ? CURRENCY_HEADER_WEIGHT : HEADER_WEIGHT;
            score = headerWeight * match.score() + (1 - headerWeight) * fit;
            // Values outweigh the header: a "Period" column full of names is no period column.
            if (fit < 0.5) {
                score = Math.min(score, fit);
            }
        }
        String headerPart = match.explanation() == null ? "header '" + header + "' names no known synonym"
                : match.explanation();
        String reason = headerPart + "; " + profile.describe(field);
        return new Candidate(field, index, Math.max(0, score), match.score(), profile.distinct(), reason);
    }

    private static void assign(List<String> headers, List<Candidate> candidates, Map<TargetField, FieldMapping> chosen,
                               Set<Integer> taken, List<String> problems) {
        Map<TargetField, Candidate> winners = new EnumMap<>(TargetField.class);
        for (Candidate c : candidates) {
            if (chosen.containsKey(c.field) || winners.containsKey(c.field) || taken.contains(c.index)
                    || !acceptable(c)) {
                continue;
            }
            winners.put(c.field, c);
            taken.add(c.index);
        }
        winners.forEach((field, winner) -> {
            List<Candidate> others = candidates.stream()
                    .filter(o -> o.field == field && o.index != winner.index && o.score >= 0.3).toList();
            Optional<Candidate> tie = others.stream()
                    .filter(o -> !taken.contains(o.index) && o.score >= winner.score - TIE_MARGIN && acceptable(o))
                    .findFirst();
            double confidence = winner.score;
            String reason = winner.reason;
            if (tie.isPresent() && field.required()) {
                confidence = Math.min(confidence, TIED_CONFIDENCE);
                reason += "; tied with '" + headers.get(tie.get().index) + "'";
                problems.add(field.jsonName() + ": '" + headers.get(winner.index) + "' and '"
                        + headers.get(tie.get().index) + "' are equally plausible; pin one in the config");
            }
            // No alternative ranks above the choice: a column tied with it shares its (capped) confidence.
            double shown = confidence;
            List<Alternative> alternatives = others.stream().limit(ALTERNATIVES)
                    .map(o -> new Alternative(headers.get(o.index), round(Math.min(o.score, shown)))).toList();
            chosen.put(field, FieldMapping.single(headers.get(winner.index), winner.index, round(confidence), reason,
                    alternatives));
        });
    }

    /** Required fields take any column with some evidence; optional ones need their header to name them. */
    private static boolean acceptable(Candidate c) {
        return switch (c.field) {
            case DEPARTMENT, FISCAL_PERIOD, AMOUNT -> c.score >= MIN_REQUIRED;
            case SUB_CATEGORY -> c.score >= MIN_OPTIONAL && c.headerScore >= MIN_OPTIONAL;
            case CURRENCY -> c.score >= MIN_OPTIONAL;
        };
    }

    private static void checkRequired(Map<TargetField, FieldMapping> chosen, double threshold, List<String> problems) {
        for (TargetField field : TargetField.values()) {
            FieldMapping m = chosen.get(field);
            if (!field.required()) {
                continue;
            }
            if (m == null) {
                problems.add("no column found for required field " + field.jsonName());
            } else if (m.confidence() < threshold) {
                problems.add(field.jsonName() + " ← " + (m.isWide() ? "period columns" : "'" + m.column() + "'")
                        + " has confidence " + String.format(Locale.ROOT, "%.2f", m.confidence())
                        + ", below the threshold " + threshold);
            }
        }
    }

    /** Column profiles from the sample rows that are data (blank and total rows are left out). */
    private static List<ColumnProfile> profiles(List<String> headers, List<DataRow> sample) {
        List<DataRow> data = sample.stream()
                .filter(r -> !r.isBlank() && r.cells().stream().noneMatch(TotalRows::isTotal)).toList();
        return IntStream.range(0, headers.size()).mapToObj(i -> ColumnProfile.of(values(data, i))).toList();
    }

    private static List<String> values(List<DataRow> rows, int index) {
        return rows.stream().map(r -> r.cell(index)).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Candidate(TargetField field, int index, double score, double headerScore, int distinct,
                             String reason) {
    }
}
