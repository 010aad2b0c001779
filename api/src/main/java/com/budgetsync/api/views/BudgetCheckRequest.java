package com.budgetsync.api.views;

import com.budgetsync.api.budget.BudgetTarget;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of POST /api/budget/check. {@code amount} is a JSON number or string, read as an exact decimal; give
 * {@code fiscalPeriod} or {@code date} (default today); {@code subCategory} may be left out (the department's total).
 * {@code enforce: true} answers under the hard policy whatever the budget's.
 */
public record BudgetCheckRequest(@NotBlank String customerId, @NotBlank String department, String subCategory,
                                 String fiscalPeriod, LocalDate date, @NotNull @Positive BigDecimal amount,
                                 @NotBlank String currency, Boolean enforce) {
    public BudgetTarget target() {
        return new BudgetTarget(customerId, department, blankToNull(subCategory), fiscalPeriod, date);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
