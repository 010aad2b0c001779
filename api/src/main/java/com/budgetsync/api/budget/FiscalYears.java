package com.budgetsync.api.budget;

import org.jdbi.v3.core.Jdbi;

/**
 * Sets a customer's fiscal-year start month. The dates of its year and quarter budgets follow in the same transaction
 * (FY2025 with a July start is 2024-07-01..2025-06-30), so date-based checks agree with the new calendar at once;
 * months are calendar months and do not move.
 */
public final class FiscalYears {
    private final Jdbi jdbi;

    public FiscalYears(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns how many budgets got new period dates. */
    public int setStartMonth(String customerId, int month) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO customer (id, fiscal_year_start_month) VALUES (:id, :month)
                            ON CONFLICT (id) DO UPDATE SET fiscal_year_start_month = :month""")
                    .bind("id", customerId).bind("month", month).execute();
            // fiscal_period is canonical here: FY2025 or FY2025-Q3 (see FiscalPeriodParser).
            return h.createUpdate("""
                            UPDATE budget b
                               SET period_start = p.start,
                                   period_end = (p.start + CASE b.period_type WHEN 'YEAR' THEN interval '1 year'
                                                                               ELSE interval '3 months' END
                                                 - interval '1 day')::date,
                                   updated_at = now()
                              FROM (SELECT id, make_date(substr(fiscal_period, 3, 4)::int - CASE WHEN :month = 1 THEN 0 ELSE 1 END,
                                                         :month, 1)
                                               + CASE WHEN period_type = 'QUARTER'
                                                      THEN (substr(fiscal_period, 9, 1)::int - 1) * interval '3 months'
                                                      ELSE interval '0' END AS start
                                      FROM budget WHERE customer_id = :id AND period_type IN ('YEAR', 'QUARTER')) p
                             WHERE b.id = p.id AND b.period_start <> p.start""")
                    .bind("id", customerId).bind("month", month).execute();
        });
    }
}
