package com.budgetsync.api.views;

import com.budgetsync.api.budget.BudgetSearch;
import java.util.List;

/** A budget's audit trail, newest first, in the list envelope (README, "Lists"): whose budget, which, how many. */
public record BudgetAuditTrail(String customerId, long budgetId, long total, List<BudgetSearch.AuditEntry> entries) {
    public static BudgetAuditTrail of(String customerId, long budgetId, List<BudgetSearch.AuditEntry> entries) {
        return new BudgetAuditTrail(customerId, budgetId, entries.size(), entries);
    }
}
