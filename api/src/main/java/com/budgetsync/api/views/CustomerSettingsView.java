package com.budgetsync.api.views;

import com.budgetsync.api.budget.CustomerBudgetSettings;
import com.budgetsync.api.budget.Policy;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A customer's settings; {@code fileRetentionDays} when the customer set its own (else the installation's default
 * applies); {@code budgetsRedated}: after a change of the start month, how many year and quarter budgets got new
 * dates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerSettingsView(String id, int fiscalYearStartMonth, Policy budgetPolicy,
                                   String availableSubtracts, List<Integer> alertThresholds,
                                   Integer fileRetentionDays, Integer budgetsRedated) {
    public static CustomerSettingsView of(CustomerBudgetSettings.Settings s, Integer fileRetentionDays,
                                          Integer budgetsRedated) {
        return new CustomerSettingsView(s.id(), s.fiscalYearStartMonth(), s.budgetPolicy(), s.availableSubtracts(),
                s.alertThresholds(), fileRetentionDays, budgetsRedated);
    }
}
