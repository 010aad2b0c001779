package com.budgetsync.api.budget;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A customer's budget settings: fiscal-year start month (see {@link FiscalYears}), default policy, what
 * {@code available} subtracts, and the alert thresholds. Each is changed only when given.
 */
public final class CustomerBudgetSettings {
    /** The settings as stored (defaults for a customer that never set them). */
    public record Settings(String id, int fiscalYearStartMonth, Policy budgetPolicy, String availableSubtracts,
                           List<Integer> alertThresholds) {
    }

    private final Jdbi jdbi;

    public CustomerBudgetSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Settings get(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(c.fiscal_year_start_month, 1) AS month,
                               coalesce(c.budget_policy, 'notify') AS policy,
                               coalesce(c.available_subtracts, 'pending_and_approved') AS subtracts,
                               coalesce(c.alert_thresholds, '{80,100}') AS thresholds
                          FROM (SELECT 1) one LEFT JOIN customer c ON c.id = :id""")
                .bind("id", customerId)
                .map((rs, ctx) -> {
                    Array thresholds = rs.getArray("thresholds");
                    return new Settings(customerId, rs.getInt("month"), Policy.parse(rs.getString("policy")),
                            rs.getString("subtracts"), Arrays.asList((Integer[]) thresholds.getArray()));
                }).one());
    }

    /** Sets what is given (null: unchanged); thresholds are whole percentages, 1 to 1000, at most 5. */
    public Settings update(String customerId, Policy policy, String availableSubtracts, List<Integer> thresholds) {
        if (availableSubtracts != null && !availableSubtracts.equals(BudgetRules.PENDING_AND_APPROVED)
                && !availableSubtracts.equals(BudgetRules.APPROVED)) {
            throw new BudgetException.Invalid("availableSubtracts '" + availableSubtracts + "' is not one of "
                    + BudgetRules.PENDING_AND_APPROVED + " (reservations and commitments), " + BudgetRules.APPROVED
                    + " (commitments only)");
        }
        Integer[] sorted = null;
        if (thresholds != null) {
            if (thresholds.size() > 5 || thresholds.stream().anyMatch(t -> t == null || t < 1 || t > 1000)) {
                throw new BudgetException.Invalid("alertThresholds are at most 5 whole percentages from 1 to 1000, "
                        + "e.g. [80, 100]");
            }
            sorted = thresholds.stream().distinct().sorted().toArray(Integer[]::new);
        }
        Integer[] values = sorted;
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO customer (id) VALUES (:id) ON CONFLICT (id) DO NOTHING").bind("id", customerId)
                    .execute();
            h.createUpdate("""
                        UPDATE customer SET budget_policy = coalesce(:policy, budget_policy),
                                            available_subtracts = coalesce(:subtracts, available_subtracts),
                                            alert_thresholds = coalesce(:thresholds, alert_thresholds)
                         WHERE id = :id""")
                .bind("id", customerId).bind("policy", policy == null ? null : policy.json())
                .bind("subtracts", availableSubtracts).bind("thresholds", values).execute();
        });
        return get(customerId);
    }

    /** A budget's own policy over its customer's; null returns it to the customer's. False: no such budget. */
    public boolean setBudgetPolicy(long budgetId, Policy policy) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE budget SET policy = :policy WHERE id = :id")
                .bind("id", budgetId).bind("policy", policy == null ? null : policy.json()).execute()) > 0;
    }
}
