package com.budgetsync.parsing;

import com.budgetsync.domain.PeriodType;
import com.budgetsync.normalize.FiscalPeriodParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A period written once above a group of columns, as a merged cell exports: "2013" over "Net expenditure, Conditional
 * expenditure, …" and "2014" over the same names again. Each header of a group carries its period ("2013 Net
 * expenditure"), so the repeated names become the period columns of a wide layout. Only when the header repeats names
 * and two or more years stand in the row right above it; other headers are left as they are.
 */
final class GroupedHeaders {
    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);
    private static final int MIN_GROUPS = 2;

    private GroupedHeaders() {
    }

    static List<String> apply(List<String> headers, List<DataRow> head, DataRow header) {
        int at = head.indexOf(header);
        if (at < 1 || !repeatsNames(headers)) {
            return headers;
        }
        List<String> above = head.get(at - 1).cells();
        String[] periods = new String[headers.size()];
        int groups = 0;
        String current = null;
        for (int i = 0; i < headers.size(); i++) {
            String cell = i < above.size() && above.get(i) != null ? above.get(i).strip() : "";
            if (!cell.isEmpty()) {
                boolean year = PERIODS.parse(cell).filter(p -> p.type() == PeriodType.YEAR).isPresent();
                current = year ? cell : null;
                groups += year ? 1 : 0;
            }
            periods[i] = current;
        }
        if (groups < MIN_GROUPS) {
            return headers;
        }
        List<String> grouped = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i);
            grouped.add(periods[i] == null || name.isEmpty() ? name : periods[i] + " " + name);
        }
        return List.copyOf(grouped);
    }

    private static boolean repeatsNames(List<String> headers) {
        Set<String> seen = new HashSet<>();
        return headers.stream().filter(h -> !h.isEmpty()).anyMatch(h -> !seen.add(h.toLowerCase(Locale.ROOT)));
    }
}
