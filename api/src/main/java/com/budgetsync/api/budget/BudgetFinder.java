package com.budgetsync.api.budget;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.normalize.FiscalPeriodParser;
import com.budgetsync.normalize.MatchKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Finds what a request draws on in one query on the business key ({@code budget_business_key}: customer,
 * department key, sub-category key): the customer's rules and aliases, and every active budget of the department —
 * of the requested sub-category and the department's own, or of all its sub-categories for a department-only request
 * — whose period overlaps the requested one. {@link Rollup} then picks among those rows in memory. Names compare by
 * their stored match keys ({@link MatchKey}: case and whitespace ignored), after the customer's aliases.
 */
public final class BudgetFinder {
    /** The customer's rules, present even when it has no row yet (a customer made by budgets alone). */
    private static final String RULES = """
            SELECT coalesce(c.budget_policy, 'notify') AS customer_policy,
                   coalesce(c.available_subtracts, 'pending_and_approved') AS subtracts
              FROM (SELECT 1) one LEFT JOIN customer c ON c.id = :customer""";
    private static final String BUDGET_COLUMNS = """
            b.id, b.department, b.sub_category, b.sub_category_key, b.fiscal_period, b.period_type, b.period_start,
            b.period_end, b.amount, b.currency, b.source_config_id, coalesce(b.policy, r.customer_policy) AS policy,
            COALESCE(u.committed, 0) AS committed, COALESCE(u.reserved, 0) AS reserved""";

    /**
     * The query of a request naming a sub-category, and of a department-only one, built and parsed once (named
     * parameters to JDBC's positional ones): the check runs it as a plain prepared statement, because a Jdbi query
     * copies the handle's configuration and binds through its argument factories per statement, which was a quarter
     * of a check's allocation.
     */
    private static final ParsedSql FIND_SUB_CATEGORY = parsed(findSql("AND b.sub_category_key IN (k.sub, '')"));
    private static final ParsedSql FIND_DEPARTMENT = parsed(findSql(""));

    private BudgetFinder() {
    }

    /**
     * An alias replaces the name it stands for; the sub-category's key "" (none) never has one. The sub-category
     * condition is left out of a department-only request's text rather than ORed in: so it stays an index condition
     * on budget_business_key (an OR made the planner read the whole department and filter).
     */
    private static String findSql(String subCategoryCondition) {
        return "WITH r AS (" + RULES + """
                        ), k AS (
                            SELECT coalesce((SELECT target_key FROM budget_alias WHERE customer_id = :customer
                                               AND kind = 'department' AND alias_key = :department), :department) AS dept,
                                   coalesce((SELECT target_key FROM budget_alias WHERE customer_id = :customer
                                               AND kind = 'sub_category' AND alias_key = :sub), :sub) AS sub)
                        SELECT r.customer_policy, r.subtracts, k.sub AS sub_key, b.*
                          FROM r CROSS JOIN k LEFT JOIN LATERAL (
                              SELECT\s""" + BUDGET_COLUMNS + """
                                FROM budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id
                               WHERE b.customer_id = :customer AND b.deleted_at IS NULL AND b.department_key = k.dept
                                \s""" + subCategoryCondition + """
                                 AND b.period_start <= :to AND b.period_end >= :from
                               ORDER BY b.sub_category_key, b.period_start, b.period_end) b ON true""";
    }

    private static ParsedSql parsed(String sql) {
        return new ColonPrefixSqlParser().parse(sql, null);
    }

    public static Optional<Draw> find(Handle h, BudgetTarget target) {
        boolean periodAsked = target.fiscalPeriod() != null && !target.fiscalPeriod().isBlank();
        LocalDate from;
        LocalDate to;
        if (periodAsked) {
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
        String subKey = MatchKey.of(target.subCategory());
        Map<String, Object> values = new HashMap<>();
        values.put("customer", target.customerId());
        values.put("department", MatchKey.of(target.department()));
        values.put("sub", subKey);
        values.put("from", from);
        values.put("to", to);
        List<Row> rows = query(h, subKey.isEmpty() ? FIND_DEPARTMENT : FIND_SUB_CATEGORY, values);
        BudgetRules rules = rows.get(0).rules();
        List<Rollup.Candidate> candidates = rows.stream().map(Row::candidate).filter(c -> c != null).toList();
        Optional<Draw> draw = Rollup.choose(rules, candidates, rows.get(0).subKey(), from, to, periodAsked);
        draw.ifPresent(BudgetFinder::requireOneCurrency);
        return draw;
    }

    /** Failures as a Jdbi query reports them, so callers see the same exception as from every other statement. */
    private static List<Row> query(Handle h, ParsedSql sql, Map<String, Object> values) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql.getSql())) {
            List<String> names = sql.getParameters().getParameterNames();
            for (int i = 0; i < names.size(); i++) {
                statement.setObject(i + 1, values.get(names.get(i)));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return rows;
    }

    /**
     * Locks active budgets' rows, in id order (so two requests over overlapping budgets never wait on each other in
     * a circle), until the transaction ends, and reads their utilization under the locks: every reserve, commit and
     * release takes these locks first, so moves on one budget happen one after another. Empty when one of them is
     * no longer active.
     */
    public static Optional<List<MatchedBudget>> lock(Handle h, String customerId, List<Long> budgetIds) {
        Long[] ids = budgetIds.stream().sorted().distinct().toArray(Long[]::new);
        List<Long> locked = h.createQuery("""
                        SELECT id FROM budget WHERE id = ANY(:ids) AND deleted_at IS NULL ORDER BY id FOR UPDATE""")
                .bind("ids", ids).mapTo(Long.class).list();
        if (locked.size() != ids.length) {
            return Optional.empty();
        }
        // A second statement: under READ COMMITTED it sees what the previous lock holder committed, whereas a join
        // in the locking statement would read budget_utilization as of before the wait.
        List<MatchedBudget> budgets = h.createQuery("WITH r AS (" + RULES + ") SELECT r.subtracts, " + BUDGET_COLUMNS
                        + " FROM r CROSS JOIN budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id"
                        + " WHERE b.id = ANY(:ids)")
                .bind("customer", customerId).bind("ids", ids)
                .map((rs, ctx) -> budget(rs, BudgetRules.PENDING_AND_APPROVED.equals(rs.getString("subtracts"))))
                .list();
        // in the order asked for: the request's shares keep theirs
        return Optional.of(budgetIds.stream().distinct()
                .map(id -> budgets.stream().filter(b -> b.id() == id).findFirst().orElseThrow()).toList());
    }

    /** The customer's rules alone (for a summary or its settings). */
    public static BudgetRules rules(Handle h, String customerId) {
        return h.createQuery(RULES).bind("customer", customerId).map((rs, ctx) -> readRules(rs)).one();
    }

    private static void requireOneCurrency(Draw draw) {
        List<String> currencies = draw.budgets().stream().map(MatchedBudget::currency).distinct().toList();
        if (currencies.size() > 1) {
            throw new BudgetException.Invalid("the budgets this request adds up (" + draw.basis() + ") are in "
                    + String.join(", ", currencies) + ": name the sub-category or period of one of them");
        }
    }

    private static int fiscalYearStartMonth(Handle h, String customerId) {
        return h.createQuery("SELECT fiscal_year_start_month FROM customer WHERE id = :id")
                .bind("id", customerId).mapTo(Integer.class).findOne().orElse(1);
    }

    /** One row of the query: the rules and resolved sub-category key, and a candidate budget when there is one. */
    private record Row(BudgetRules rules, String subKey, Rollup.Candidate candidate) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        BudgetRules rules = readRules(rs);
        Rollup.Candidate candidate = null;
        rs.getLong("id");
        if (!rs.wasNull()) {
            candidate = new Rollup.Candidate(budget(rs, rules.subtractsPending()), rs.getString("sub_category_key"),
                    rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate());
        }
        return new Row(rules, rs.getString("sub_key"), candidate);
    }

    private static BudgetRules readRules(ResultSet rs) throws SQLException {
        return new BudgetRules(Policy.parse(rs.getString("customer_policy")),
                BudgetRules.PENDING_AND_APPROVED.equals(rs.getString("subtracts")));
    }

    private static MatchedBudget budget(ResultSet rs, boolean subtractsPending) throws SQLException {
        String sub = rs.getString("sub_category");
        long config = rs.getLong("source_config_id");
        Long configId = rs.wasNull() ? null : config;
        return new MatchedBudget(rs.getLong("id"), rs.getString("department"), sub.isEmpty() ? null : sub,
                rs.getString("fiscal_period"), rs.getString("period_type"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("committed"), rs.getBigDecimal("reserved"), rs.getString("currency").trim(),
                Policy.parse(rs.getString("policy")), subtractsPending, configId);
    }
}
