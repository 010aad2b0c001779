package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The answer to "is there budget left?"; amounts are in the budgets' currency. {@code budget} is the one budget when
 * the answer drew on one; {@code budgets} always lists what it drew on and {@code basis} says how they were chosen.
 * {@code available} subtracts what the customer chose ({@code availableSubtracts}); both figures are given.
 * {@code overrideReasonRequired}: under the soft policy, a reservation of this amount needs an {@code overrideReason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(Status status, BigDecimal available, MatchedBudget budget, BigDecimal remainingAfter,
                          String reason, Conversion conversion, String basis, List<MatchedBudget> budgets,
                          Policy policy, Boolean overBudget, Boolean overrideReasonRequired, String availableSubtracts,
                          BigDecimal availableAfterApproved, BigDecimal availableAfterPending) {
    public enum Status {
        WITHIN_BUDGET, OVER_BUDGET, NO_BUDGET;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static CheckResult noBudget(String reason, Policy policy) {
        return new CheckResult(Status.NO_BUDGET, null, null, null, reason, null, null, List.of(), policy, null, null,
                null, null, null);
    }
}
