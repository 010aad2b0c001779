package com.budgetsync.mapping;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import com.budgetsync.normalize.FiscalPeriodParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Recognises wide exports, where periods are column headers ({@code Jan-25 … Dec-25}, {@code Q1 FY25 … Q4 FY25},
 * {@code FY2024 FY2025}). When months, quarters and years are all present (a planning grid with subtotals) only the
 * most frequent granularity is kept, so amounts are not counted twice. Headers without a year ({@code Jan … Dec})
 * count when a column of fiscal years says which year each row is for.
 */
final class WidePeriods {
    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);

    /** The period columns, and the column holding each row's year when the headers lack it (else null). */
    record Columns(List<Integer> periods, Integer year) {
    }

    private WidePeriods() {
    }

    static Optional<Columns> detect(List<String> headers, List<ColumnProfile> profiles, Set<Integer> taken) {
        Optional<List<Integer>> complete = complete(headers, taken);
        if (complete.isPresent()) {
            return complete.map(columns -> new Columns(columns, null));
        }
        List<Integer> parts = IntStream.range(0, headers.size())
                .filter(i -> !taken.contains(i) && ColumnProfile.isPeriodPart(headers.get(i))).boxed().toList();
        Optional<Integer> year = IntStream.range(0, headers.size())
                .filter(i -> !taken.contains(i) && !parts.contains(i) && profiles.get(i).years() >= 0.9).boxed()
                .findFirst();
        return parts.size() >= 2 && year.isPresent() ? Optional.of(new Columns(parts, year.get())) : Optional.empty();
    }

    private static Optional<List<Integer>> complete(List<String> headers, Set<Integer> taken) {
        Map<PeriodType, List<Integer>> byType = new EnumMap<>(PeriodType.class);
        for (int i = 0; i < headers.size(); i++) {
            if (!taken.contains(i)) {
                int index = i;
                PERIODS.parse(headers.get(i)).map(FiscalPeriod::type)
                        .ifPresent(type -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(index));
            }
        }
        return byType.values().stream().filter(columns -> columns.size() >= 2)
                .max((a, b) -> Integer.compare(a.size(), b.size()));
    }
}
