package com.budgetsync.mapping;

import com.budgetsync.mapping.WideHeaders.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the period columns of a wide export into the fiscal period and amount mappings: confidence from how many of
 * the values under them are amounts, the reason naming where the year comes from and which period columns were left
 * out and why. A missing year, or a second budget group as good as the first, is a question for a person.
 */
final class WideMapping {
    private WideMapping() {
    }

    static void apply(List<String> headers, WidePeriods.Columns wide, List<ColumnProfile> profiles,
                      Map<TargetField, FieldMapping> chosen, Set<Integer> taken, ReviewNotes review) {
        List<Integer> columns = wide.indexes();
        List<String> names = columns.stream().map(headers::get).toList();
        taken.addAll(columns);
        if (wide.yearColumn() != null) {
            taken.add(wide.yearColumn());
        }
        double amounts = columns.stream().map(profiles::get).mapToDouble(p -> p.values() == 0 ? 1 : p.amounts())
                .average().orElse(0);
        double confidence = ColumnMapper.round(Candidate.HEADER_WEIGHT + (1 - Candidate.HEADER_WEIGHT) * amounts);
        String range = names.size() == 1 ? "'" + names.get(0) + "'"
                : "(" + names.get(0) + " … " + names.get(names.size() - 1) + ")";
        String reason = names.size() + " column header" + (names.size() == 1 ? " holds a" : "s hold") + " fiscal period"
                + (names.size() == 1 ? "" : "s") + " " + range + ": a wide export, unpivoted to one row per period"
                + yearSource(headers, wide) + ignored(wide.ignored());
        FieldMapping period;
        if (wide.yearColumn() != null) {
            period = new FieldMapping(headers.get(wide.yearColumn()), wide.yearColumn(), names, columns, confidence,
                    reason, List.of());
        } else if (wide.statedYear() != null) {
            period = new FieldMapping(null, null, names, columns,
                    Math.min(confidence, wide.statedYear().confidence()), reason, List.of(),
                    wide.statedYear().period());
        } else {
            period = FieldMapping.wide(names, columns, wide.yearMissing() ? 0.5 : confidence, reason);
        }
        chosen.put(TargetField.FISCAL_PERIOD, period);
        chosen.put(TargetField.AMOUNT, FieldMapping.wide(names, columns, confidence,
                ColumnProfile.percent(amounts) + " of values under the period columns are amounts"));
        if (wide.yearMissing()) {
            review.ask(TargetField.FISCAL_PERIOD, "fiscalPeriod: the period columns " + range + " name no year, and"
                    + " no year column, file name or title row does; set the config's fiscalYear option",
                    "The period columns " + range + " name no year, and neither a column, the file name nor a title"
                            + " row does: which fiscal year are they for? Set it as the config's fiscalYear option.",
                    List.of());
        }
        if (!wide.rival().isEmpty()) {
            String other = "(" + wide.rival().get(0).header() + " … "
                    + wide.rival().get(wide.rival().size() - 1).header() + ")";
            review.askWhich(TargetField.AMOUNT, "amount: the period columns " + range + " and " + other
                    + " both hold budgets; pin the ones to import", List.of(new Alternative(names.get(0), 0.5),
                    new Alternative(wide.rival().get(0).header(), 0.5)));
        }
    }

    private static String yearSource(List<String> headers, WidePeriods.Columns wide) {
        if (wide.yearColumn() != null) {
            return ", the year from '" + headers.get(wide.yearColumn()) + "'";
        }
        if (wide.statedYear() != null && PlanYears.isRun(wide.periods().stream().map(Header::header).toList())) {
            return ", plan years counted from " + wide.statedYear().period() + " (year 1), the year stated in "
                    + wide.statedYear().where() + ": " + wide.periods().stream().map(h -> h.header() + " = "
                    + h.period()).collect(Collectors.joining(", "));
        }
        if (wide.statedYear() != null) {
            return ", the year " + wide.statedYear().period() + " from " + wide.statedYear().where();
        }
        return "";
    }

    /** "; ignored: 'FY2018 Actual' (actual amounts), 'FY25 Total' (not budget amounts)". */
    private static String ignored(List<Header> ignored) {
        if (ignored.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        ignored.forEach(h -> byKind.computeIfAbsent(h.kind().imported() ? "other periods or another budget version"
                        : h.kind().describe(), k -> new ArrayList<>())
                .add("'" + h.header() + "'"));
        return "; not imported: " + byKind.entrySet().stream()
                .map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                .collect(Collectors.joining("; "));
    }
}
