package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;

/** The answer to "is there budget left?"; amounts are in the budget's currency. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(Status status, BigDecimal available, MatchedBudget budget, BigDecimal remainingAfter,
                          String reason, Conversion conversion) {
    public enum Status {
        WITHIN_BUDGET, OVER_BUDGET, NO_BUDGET;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
