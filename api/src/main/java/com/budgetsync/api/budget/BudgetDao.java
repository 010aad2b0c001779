package com.budgetsync.api.budget;

import com.budgetsync.domain.BudgetView;
import com.budgetsync.domain.PeriodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads budgets with their utilization. Writes belong to the import (budgets) and procurement (utilization). */
public final class BudgetDao {
    static final String VIEW_SELECT = """
            SELECT b.id, b.customer_id, b.department, b.sub_category, b.fiscal_period, b.period_type, b.period_start,
                   b.period_end, b.amount, b.currency, b.source_config_id, b.last_sync_id,
                   COALESCE(u.committed, 0) AS committed, COALESCE(u.reserved, 0) AS reserved
              FROM budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id
            """;

    private final Jdbi jdbi;

    public BudgetDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<BudgetView> listActive(String customerId, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(VIEW_SELECT + " " + """
                         WHERE b.customer_id = :customer AND b.deleted_at IS NULL
                         ORDER BY b.department, b.sub_category, b.period_start, b.fiscal_period
                         LIMIT :limit OFFSET :offset""")
                .bind("customer", customerId).bind("limit", limit).bind("offset", offset)
                .map(BudgetDao::map).list());
    }

    public long countActive(String customerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM budget WHERE customer_id = :customer AND deleted_at IS NULL")
                .bind("customer", customerId).mapTo(Long.class).one());
    }

    static BudgetView map(ResultSet rs, StatementContext ctx) throws SQLException {
        String sub = rs.getString("sub_category");
        var amount = rs.getBigDecimal("amount");
        var committed = rs.getBigDecimal("committed");
        var reserved = rs.getBigDecimal("reserved");
        return new BudgetView(rs.getLong("id"), rs.getString("customer_id"), rs.getString("department"),
                sub == null || sub.isEmpty() ? null : sub, rs.getString("fiscal_period"),
                PeriodType.valueOf(rs.getString("period_type")), rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(), amount, rs.getString("currency"), committed, reserved,
                amount.subtract(committed).subtract(reserved), (Long) rs.getObject("source_config_id"),
                rs.getString("last_sync_id"));
    }
}
