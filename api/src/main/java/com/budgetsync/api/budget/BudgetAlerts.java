package com.budgetsync.api.budget;

import com.budgetsync.domain.AlertKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Budget alerts, raised inside the utilization's transaction (under the budget's row lock, so concurrent requests
 * see one another's crossings) into the alerts list of migration 014; the caller delivers them once committed.
 * A threshold alert goes out once per crossing: {@code budget_threshold_crossing} holds the crossing while
 * utilization stays at or above it, and a release that drops below deletes it, re-arming the threshold. Alerts carry
 * the budget's source config, whose notification channels they go to.
 */
final class BudgetAlerts {
    private BudgetAlerts() {
    }

    /** Raises an alert for each threshold {@code budget} now reaches for the first time since it was below. */
    static void thresholds(Handle h, String customerId, MatchedBudget budget, List<Integer> thresholds,
                           List<Long> raised) {
        if (budget.amount().signum() <= 0) {
            return;
        }
        BigDecimal usedPercent = budget.used().multiply(BigDecimal.valueOf(100));
        for (int threshold : thresholds) {
            if (usedPercent.compareTo(budget.amount().multiply(BigDecimal.valueOf(threshold))) >= 0) {
                Optional<Long> crossing = h.createQuery("""
                                INSERT INTO budget_threshold_crossing (budget_id, threshold) VALUES (:budget, :threshold)
                                ON CONFLICT (budget_id, threshold) DO NOTHING RETURNING id""")
                        .bind("budget", budget.id()).bind("threshold", threshold).mapTo(Long.class).findOne();
                crossing.flatMap(id -> raise(h, customerId, budget.sourceConfigId(), AlertKind.BUDGET_THRESHOLD,
                        "budget_threshold:" + id, name(budget) + " has reached " + threshold + "% used: "
                                + budget.used().toPlainString() + " of " + budget.amount().toPlainString() + " "
                                + budget.currency() + " (" + budget.available().toPlainString() + " available)"))
                        .ifPresent(raised::add);
            } else {
                h.createUpdate("DELETE FROM budget_threshold_crossing WHERE budget_id = :budget AND threshold = :t")
                        .bind("budget", budget.id()).bind("t", threshold).execute();
            }
        }
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
