package com.budgetsync.mapping;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.normalize.FiscalPeriodParser;
import com.budgetsync.parsing.DataRow;
import java.util.List;
import java.util.Optional;

/**
 * Two period columns that name the same period in (nearly) every row — "Date registered" and "Date executed" a day
 * apart — are no decision for a person: either gives the same budgets.
 */
final class SamePeriods {
    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);
    private static final double SHARE = 0.9;

    private SamePeriods() {
    }

    static boolean agree(List<DataRow> rows, int a, int b) {
        int both = 0;
        int same = 0;
        for (DataRow row : rows) {
            Optional<FiscalPeriod> x = PERIODS.parse(row.cell(a).strip());
            Optional<FiscalPeriod> y = PERIODS.parse(row.cell(b).strip());
            if (x.isPresent() && y.isPresent()) {
                both++;
                same += x.get().canonical().equals(y.get().canonical()) ? 1 : 0;
            }
        }
        return both > 0 && same >= SHARE * both;
    }
}
