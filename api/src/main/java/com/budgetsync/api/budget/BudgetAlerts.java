package com.budgetsync.api.budget;

import com.budgetsync.domain.AlertKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The over-budget alert of a request, raised inside the utilization's transaction into the alerts list of migration
 * 014; the caller delivers it once committed. It carries the budget's source config, whose notification channels it
 * goes to. Threshold alerts follow the rule imports share ({@link com.budgetsync.alerts.BudgetThresholds}).
 */
final class BudgetAlerts {
    private BudgetAlerts() {
    }

    /** Under the notify policy, a request over its budgets: allowed, and said once per request. */
    static void overBudget(Handle h, String customerId, String requestId, Draw before, BigDecimal amount,
                           List<Long> raised) {
        MatchedBudget first = before.budgets().get(0);
        raise(h, customerId, first.sourceConfigId(), AlertKind.OVER_BUDGET,
                "over_budget:" + customerId + ":" + requestId, "request " + requestId + " went over budget: "
                        + amount.toPlainString() + " " + before.currency() + " on "
                        + (before.single() != null ? name(first) : before.budgets().size() + " budgets of "
                        + first.department() + " (" + before.basis() + ")")
                        + " with " + before.available().toPlainString() + " available (policy notify)")
                .ifPresent(raised::add);
    }

    private static Optional<Long> raise(Handle h, String customerId, Long configId, AlertKind kind, String key,
                                        String message) {
        return h.createQuery("""
                        INSERT INTO alert (customer_id, config_id, kind, dedup_key, message)
                        VALUES (:customer, :config, :kind, :key, :message)
                        ON CONFLICT (dedup_key) DO NOTHING RETURNING id""")
                .bind("customer", customerId).bind("config", configId).bind("kind", kind.dbValue())
                .bind("key", key).bind("message", message).mapTo(Long.class).findOne();
    }

    private static String name(MatchedBudget b) {
        return "budget " + b.fiscalPeriod() + " of " + b.department()
                + (b.subCategory() == null ? "" : " / " + b.subCategory());
    }
}
