package com.budgetsync.api.views;

import com.budgetsync.api.budget.Policy;

/** Body of PUT /api/budgets/{id}/policy: {@code {"policy": "soft"}}, or {@code {"policy": null}} for the customer's. */
public record BudgetPolicyRequest(Policy policy) {
}
