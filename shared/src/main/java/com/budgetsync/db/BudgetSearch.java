package com.budgetsync.db;

import com.budgetsync.domain.BudgetView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A customer's budgets as people browse them: department and period containing a text (any case), soft-deleted ones
 * only when asked, in business-key order so the unique index {@code budget_business_key} serves each page; and a
 * budget's audit trail (every import change and procurement action on it).
 */
public final class BudgetSearch {
    private static final String WHERE = """
             WHERE b.customer_id = :customer
               AND (:deleted OR b.deleted_at IS NULL)
               AND (CAST(:department AS text) IS NULL OR strpos(lower(b.department), lower(:department)) > 0)
               AND (CAST(:period AS text) IS NULL OR strpos(lower(b.fiscal_period), lower(:period)) > 0)""";

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

    /** One audit row of a budget: an import's create/update/delete/restore or a reservation, commitment, release. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditEntry(Instant at, String action, String syncId, String requestId, BigDecimal oldAmount,
                             BigDecimal newAmount, String oldCurrency, String newCurrency) {
    }

    public List<Listed> page(Filter filter, int limit, int offset) {
        return jdbi.withHandle(h -> bind(h.createQuery(BudgetDao.VIEW_SELECT.replace("SELECT b.id,",
                        "SELECT b.deleted_at, b.id,") + WHERE + """
                         ORDER BY b.department, b.sub_category, b.fiscal_period
                         LIMIT :limit OFFSET :offset"""), filter)
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Listed(BudgetDao.map(rs, ctx), ConfigDao.instant(rs, "deleted_at"))).list());
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

    /** Newest first. */
    public List<AuditEntry> audit(long budgetId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT created_at, action, sync_id, request_id, old_amount, new_amount, old_currency,
                               new_currency
                          FROM audit_log WHERE budget_id = :id ORDER BY created_at DESC, id DESC""")
                .bind("id", budgetId)
                .map((rs, ctx) -> new AuditEntry(ConfigDao.instant(rs, "created_at"), rs.getString("action"),
                        rs.getString("sync_id"), rs.getString("request_id"), rs.getBigDecimal("old_amount"),
                        rs.getBigDecimal("new_amount"), rs.getString("old_currency"), rs.getString("new_currency")))
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
}
