package com.budgetsync.api.views;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of PUT /api/customers/{id}: the settings to change, at least one. {@code fileRetentionDays}: how long the
 * customer's stored files are kept (docs/operations.md#retention); 0 goes back to the installation's default.
 */
public record CustomerUpdate(@Min(1) @Max(12) Integer fiscalYearStartMonth,
                             @Min(0) @Max(3650) Integer fileRetentionDays) {
    @AssertTrue(message = "name at least one setting: fiscalYearStartMonth (1-12) or fileRetentionDays (0-3650)")
    public boolean isAnySetting() {
        return fiscalYearStartMonth != null || fileRetentionDays != null;
    }
}
