package com.budgetsync.api.views;

import com.budgetsync.api.budget.Policy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Body of PUT /api/customers/{id}: any of the fiscal-year start month, the default budget policy
 * ({@code hard | soft | notify}), what {@code available} subtracts ({@code pending_and_approved | approved}) and
 * the alert thresholds in % ({@code [80, 100]}); what is left out stays as it is.
 */
public record CustomerUpdate(@Min(1) @Max(12) Integer fiscalYearStartMonth, Policy budgetPolicy,
                             String availableSubtracts, List<Integer> alertThresholds) {
    public boolean isEmpty() {
        return fiscalYearStartMonth == null && budgetPolicy == null && availableSubtracts == null
                && alertThresholds == null;
    }
}
