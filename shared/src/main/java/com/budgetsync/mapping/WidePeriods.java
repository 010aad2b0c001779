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

/**
 * Recognises wide exports, where periods are column headers ({@code Jan-25 … Dec-25}, {@code Q1 FY25 … Q4 FY25},
 * {@code FY2024 FY2025}). When months, quarters and years are all present (a planning grid with subtotals) only the
 * most frequent granularity is kept, so amounts are not counted twice.
 */
final class WidePeriods {
    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);

    private WidePeriods() {
    }

    /** Indexes of the period columns among the free ones, if at least two headers are periods of one type. */
    static Optional<List<Integer>> detect(List<String> headers, Set<Integer> taken) {
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
