package com.budgetsync.api.budget;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.normalize.FiscalPeriodParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Per department (and currency), what a customer's active budgets hold and what procurement has drawn: for the
 * console and for finance. With a period, the budgets whose period lies within it (FY2025 takes its quarters and
 * months too); so that a plan kept both by month and by quarter is not counted twice, each department / sub-category
 * line counts its finest period type only. Without a period, every active budget (the same rule per line).
 */
public final class BudgetSummary {
    /** One department's sums, in one currency; {@code percentUsed} = (amount − available) / amount, 1 decimal. */
    public record Line(String department, String currency, int budgets, BigDecimal amount, BigDecimal committed,
                       BigDecimal reserved, BigDecimal available, BigDecimal percentUsed) {
    }

    /** The summary with the rules it followed. */
    public record Summary(String customerId, String period, String availableSubtracts, int total,
                          List<Line> departments) {
    }

    private final Jdbi jdbi;

    public BudgetSummary(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Summary of(String customerId, String period) {
        return jdbi.withHandle(h -> {
            BudgetRules rules = BudgetFinder.rules(h, customerId);
            LocalDate from = null;
            LocalDate to = null;
            if (period != null && !period.isBlank()) {
                int month = h.createQuery("SELECT fiscal_year_start_month FROM customer WHERE id = :id")
                        .bind("id", customerId).mapTo(Integer.class).findOne().orElse(1);
                FiscalPeriod parsed = new FiscalPeriodParser(month).parse(period).orElseThrow(() ->
                        new BudgetException.Invalid("period '" + period + "' is not a period; use FY2025, "
                                + "FY2025-Q1 or 2025-03"));
                from = parsed.start();
                to = parsed.end();
            }
            List<Line> lines = h.createQuery("""
                            WITH inside AS (
                                SELECT b.department_key, b.department, b.currency, b.amount,
                                       COALESCE(u.committed, 0) AS committed, COALESCE(u.reserved, 0) AS reserved,
                                       CASE b.period_type WHEN 'MONTH' THEN 0 WHEN 'QUARTER' THEN 1 ELSE 2 END AS rank,
                                       min(CASE b.period_type WHEN 'MONTH' THEN 0 WHEN 'QUARTER' THEN 1 ELSE 2 END)
                                           OVER (PARTITION BY b.department_key, b.sub_category_key) AS finest
                                  FROM budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id
                                 WHERE b.customer_id = :customer AND b.deleted_at IS NULL
                                   AND (CAST(:from AS date) IS NULL OR b.period_start >= :from)
                                   AND (CAST(:to AS date) IS NULL OR b.period_end <= :to))
                            SELECT min(department) AS department, currency, count(*) AS budgets,
                                   sum(amount) AS amount, sum(committed) AS committed, sum(reserved) AS reserved
                              FROM inside WHERE rank = finest
                             GROUP BY department_key, currency ORDER BY department_key, currency""")
                    .bind("customer", customerId).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> line(rs.getString("department"), rs.getString("currency").trim(),
                            rs.getInt("budgets"), rs.getBigDecimal("amount"), rs.getBigDecimal("committed"),
                            rs.getBigDecimal("reserved"), rules.subtractsPending()))
                    .list();
            return new Summary(customerId, period, rules.availableSubtracts(), lines.size(), lines);
        });
    }

    private static Line line(String department, String currency, int budgets, BigDecimal amount,
                             BigDecimal committed, BigDecimal reserved, boolean subtractsPending) {
        BigDecimal used = subtractsPending ? committed.add(reserved) : committed;
        BigDecimal percent = amount.signum() == 0 ? null
                : used.multiply(BigDecimal.valueOf(100)).divide(amount, 1, RoundingMode.HALF_EVEN);
        return new Line(department, currency, budgets, amount, committed, reserved, amount.subtract(used), percent);
    }
}
