package com.budgetsync.api.views;

import com.budgetsync.api.budget.Policy;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Body of PUT /api/customers/{id}: the settings to change, at least one; what is left out stays as it is. The
 * fiscal-year start month, the default budget policy ({@code hard | soft | notify}), what {@code available}
 * subtracts ({@code pending_and_approved | approved}), the alert thresholds in % ({@code [80, 100]}), and
 * {@code fileRetentionDays}: how long the customer's stored files are kept (docs/operations.md#retention; 0 goes
 * back to the installation's default).
 */
public record CustomerUpdate(@Min(1) @Max(12) Integer fiscalYearStartMonth, Policy budgetPolicy,
                             String availableSubtracts, List<Integer> alertThresholds,
                             @Min(0) @Max(3650) Integer fileRetentionDays) {
    @AssertTrue(message = "name at least one setting: fiscalYearStartMonth (1-12), budgetPolicy, availableSubtracts,"
            + " alertThresholds or fileRetentionDays (0-3650)")
    public boolean isAnySetting() {
        return fiscalYearStartMonth != null || budgetPolicy != null || availableSubtracts != null
                || alertThresholds != null || fileRetentionDays != null;
    }
}
