package com.budgetsync.api.budget;

/**
 * A customer's budget rules: its default {@link Policy} (a budget may override it), whether {@code available}
 * subtracts pending reservations as well as approved commitments (the % used at which alerts go out is read by
 * {@link com.budgetsync.alerts.BudgetThresholds}).
 */
public record BudgetRules(Policy policy, boolean subtractsPending) {
    public static final String PENDING_AND_APPROVED = "pending_and_approved";
    public static final String APPROVED = "approved";

    /** The JSON and database name of what {@code available} subtracts. */
    public String availableSubtracts() {
        return subtractsPending ? PENDING_AND_APPROVED : APPROVED;
    }
}
