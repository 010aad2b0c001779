package com.budgetsync.api.views;

import com.budgetsync.api.budget.Policy;

/** A budget's policy: its own ({@code null}: none) and the one that applies to it. */
public record BudgetPolicyView(String customerId, long budgetId, Policy ownPolicy, Policy policy) {
}
