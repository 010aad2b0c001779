package com.budgetsync.api.budget;

import com.budgetsync.domain.BudgetView;
import com.budgetsync.domain.PeriodType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A customer's budgets with their utilization, as people browse them: department and period containing a text (any case), soft-deleted ones
 * only when asked, in business-key order so the unique index {@code budget_business_key} serves each page; and a
 * budget's audit trail (every import change and procurement action on it).
 */
public final class BudgetSearch {
    private static final String WHERE = """
             WHERE b.customer_id = :customer
               AND (:deleted OR b.deleted_at IS NULL)
               AND (CAST(:department AS text) IS NULL OR strpos(lower(b.department), lower(:department)) > 0)
               AND (CAST(:period AS text) IS NULL OR strpos(lower(b.fiscal_period), lower(:period)) > 0)""";

    private static final String VIEW_SELECT = """
            SELECT b.id, b.customer_id, b.department, b.sub_category, b.fiscal_period, b.period_type, b.period_start,
                   b.period_end, b.amount, b.currency, b.source_config_id, b.last_sync_id,
                   COALESCE(u.committed, 0) AS committed, COALESCE(u.reserved, 0) AS reserved
              FROM budget b LEFT JOIN budget_utilization u ON u.budget_id = b.id
            """;

    private final Jdbi jdbi;

    public BudgetSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param department text the department contains, or null; likewise {@code period} */
    public record Filter(String customerId, String department, String period, boolean includeDeleted) {
        public static Filter active(String customerId) {
            return new Filter(customerId, null, null, false);
        }
    }

    /** A budget in a list: the API's budget view, plus when it was soft-deleted (absent while active). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listed(@JsonUnwrapped BudgetView budget, Instant deletedAt) {
    }

    /**
     * One audit row of a budget: an import's create/update/delete/restore or a reservation, commitment, release;
     * for procurement's, who made it ({@code actor}) and, for a soft-policy override, why ({@code reason}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditEntry(Instant at, String action, String syncId, String requestId, BigDecimal oldAmount,
                             BigDecimal newAmount, String oldCurrency, String newCurrency, String actor,
                             String reason) {
    }

    public List<Listed> page(Filter filter, int limit, int offset) {
        return jdbi.withHandle(h -> bind(h.createQuery(VIEW_SELECT.replace("SELECT b.id,",
                        "SELECT b.deleted_at, b.id,") + WHERE + """
                         ORDER BY b.department_key, b.sub_category_key, b.fiscal_period
                         LIMIT :limit OFFSET :offset"""), filter)
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Listed(map(rs, ctx), instant(rs, "deleted_at"))).list());
    }

    public long count(Filter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT count(*) FROM budget b " + WHERE), filter)
                .mapTo(Long.class).one());
    }

    /** The budget's owner, to check who may read its trail; empty when there is no such budget. */
    public Optional<String> customerOf(long budgetId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT customer_id FROM budget WHERE id = :id")
                .bind("id", budgetId).mapTo(String.class).findOne());
    }

    /**
     * Newest first. An import's creation is not an audit row: the budget records the sync that created it, and the
     * amount it was created with is the first change's old amount (or today's, unchanged since). Budgets created
     * before that design have their "created" audit row instead.
     */
    public List<AuditEntry> audit(long budgetId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT created_at, action, sync_id, request_id, old_amount, new_amount, old_currency,
                               new_currency, actor, reason, id
                          FROM audit_log WHERE budget_id = :id
                        UNION ALL
                        SELECT b.created_at, 'created', b.created_sync_id, NULL, NULL,
                               coalesce(first_change.old_amount, b.amount), NULL,
                               coalesce(first_change.old_currency, b.currency), NULL, NULL, 0
                          FROM budget b
                          LEFT JOIN LATERAL (
                              SELECT a.old_amount, a.old_currency FROM audit_log a
                               WHERE a.budget_id = b.id AND a.action IN ('updated', 'deleted', 'restored')
                               ORDER BY a.created_at, a.id LIMIT 1) first_change ON true
                         WHERE b.id = :id AND b.created_sync_id IS NOT NULL
                         ORDER BY created_at DESC, id DESC""")
                .bind("id", budgetId)
                .map((rs, ctx) -> new AuditEntry(instant(rs, "created_at"), rs.getString("action"),
                        rs.getString("sync_id"), rs.getString("request_id"), rs.getBigDecimal("old_amount"),
                        rs.getBigDecimal("new_amount"), rs.getString("old_currency"), rs.getString("new_currency"),
                        rs.getString("actor"), rs.getString("reason")))
                .list());
    }

    private static Query bind(Query query, Filter f) {
        return query.bind("customer", f.customerId()).bind("deleted", f.includeDeleted())
                .bind("department", contains(f.department())).bind("period", contains(f.period()));
    }

    /** The text to look for, or null for none. */
    private static String contains(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static BudgetView map(ResultSet rs, StatementContext ctx) throws SQLException {
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
