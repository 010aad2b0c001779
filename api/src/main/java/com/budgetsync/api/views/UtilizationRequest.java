package com.budgetsync.api.views;

import com.budgetsync.api.budget.BudgetTarget;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of POST /api/budget/reserve, /commit and /release. A new request names its budget as a check does and gives
 * amount and currency; a commit or release of an existing reservation needs only customerId and requestId.
 * {@code enforce: true} is the hard policy for this call; {@code overrideReason} says why a budget under the soft policy
 * may be overspent (recorded in its audit trail with the caller).
 */
public record UtilizationRequest(@NotBlank @Size(max = 200) String requestId, @NotBlank String customerId,
                                 String department, String subCategory, String fiscalPeriod, LocalDate date,
                                 @Positive BigDecimal amount, String currency, Boolean enforce,
                                 @Size(max = 1000) String overrideReason) {
    public BudgetTarget target() {
        return new BudgetTarget(customerId, BudgetCheckRequest.blankToNull(department),
                BudgetCheckRequest.blankToNull(subCategory), fiscalPeriod, date);
    }
}
