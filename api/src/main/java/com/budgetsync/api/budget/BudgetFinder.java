package com.budgetsync.api.budget;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.normalize.FiscalPeriodParser;
import com.budgetsync.normalize.MatchKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Finds the active budget a request draws on, in one indexed point query on the business key
 * ({@code budget_business_key}): names compare by their stored match keys ({@link MatchKey}: case and whitespace
 * ignored); the sub-category's own budget wins over the
 * department's budget without sub-category; among budgets whose period covers the requested date or period, the most
 * specific (month, then quarter, then year) wins.
 */
public final class BudgetFinder {
    private static final String SELECT = """
            SELECT b.id, b.department, b.sub_category, b.fiscal_period, b.period_type, b.amount, b.currency,
                   COALESCE(u.committed, 0) AS committed, COALESCE(u.reserved, 0) AS reserved
              FROM budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id
            """;

    private BudgetFinder() {
    }

    public static Optional<MatchedBudget> find(Handle h, BudgetTarget target) {
        // The check's SQL has no <attribute> templates; parsing it for them anyway was a tenth of a check's CPU.
        h.configure(SqlStatements.class, statements -> statements.setTemplateEngine(TemplateEngine.NOP));
        LocalDate from;
        LocalDate to;
        if (target.fiscalPeriod() != null && !target.fiscalPeriod().isBlank()) {
            FiscalPeriod period = new FiscalPeriodParser(fiscalYearStartMonth(h, target.customerId()))
                    .parse(target.fiscalPeriod())
                    .orElseThrow(() -> new BudgetException.Invalid("fiscalPeriod '" + target.fiscalPeriod()
                            + "' is not a period; use FY2025, FY2025-Q1 or 2025-03"));
            from = period.start();
            to = period.end();
        } else {
            from = target.rateDate();
            to = from;
        }
        return h.createQuery(SELECT + """
                         WHERE b.customer_id = :customer AND b.deleted_at IS NULL
                           AND b.department_key = :department AND b.sub_category_key IN (:sub, '')
                           AND b.period_start <= :from AND b.period_end >= :to
                         ORDER BY b.sub_category_key = '',
                                  CASE b.period_type WHEN 'MONTH' THEN 0 WHEN 'QUARTER' THEN 1 ELSE 2 END
                         LIMIT 1""")
                .bind("customer", target.customerId()).bind("department", MatchKey.of(target.department()))
                .bind("sub", MatchKey.of(target.subCategory())).bind("from", from).bind("to", to)
                .map(BudgetFinder::map).findOne();
    }

    /**
     * Locks an active budget's row until the transaction ends and reads its utilization under that lock: every
     * reserve, commit and release of one budget takes this lock first, so they happen one after another.
     */
    public static Optional<MatchedBudget> lock(Handle h, long budgetId) {
        boolean active = h.createQuery("SELECT id FROM budget WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .bind("id", budgetId).mapTo(Long.class).findOne().isPresent();
        // A second statement: under READ COMMITTED it sees what the previous lock holder committed, whereas a join
        // in the locking statement would read budget_utilization as of before the wait.
        return active ? h.createQuery(SELECT + " WHERE b.id = :id").bind("id", budgetId).map(BudgetFinder::map).findOne()
                : Optional.empty();
    }

    private static int fiscalYearStartMonth(Handle h, String customerId) {
        return h.createQuery("SELECT fiscal_year_start_month FROM customer WHERE id = :id")
                .bind("id", customerId).mapTo(Integer.class).findOne().orElse(1);
    }

    private static MatchedBudget map(ResultSet rs, StatementContext ctx) throws SQLException {
        String sub = rs.getString("sub_category");
        return new MatchedBudget(rs.getLong("id"), rs.getString("department"), sub.isEmpty() ? null : sub,
                rs.getString("fiscal_period"), rs.getString("period_type"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("committed"), rs.getBigDecimal("reserved"), rs.getString("currency").trim());
    }
}
