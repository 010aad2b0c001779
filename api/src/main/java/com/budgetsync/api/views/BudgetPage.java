package com.budgetsync.api.views;

import com.budgetsync.api.budget.BudgetSearch;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of a customer's active budgets in the list envelope (README, "Lists"). {@code items} repeats
 * {@code budgets} for clients written before the envelope had its name (deprecated).
 */
public record BudgetPage(String customerId, long total, int limit, int offset, List<BudgetSearch.Listed> budgets,
                         @Deprecated @Schema(deprecated = true, description = "the same list; read the named one") List<BudgetSearch.Listed> items) {
    public BudgetPage(String customerId, long total, int limit, int offset, List<BudgetSearch.Listed> budgets) {
        this(customerId, total, limit, offset, budgets, budgets);
    }
}
