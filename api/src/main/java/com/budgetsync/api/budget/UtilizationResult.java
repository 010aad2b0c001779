package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Where a request stands after a reserve, commit or release: {@code replayed} is true when the call repeated one
 * already applied, which changed nothing. {@code budget} and {@code available} are the budget's figures now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UtilizationResult(String requestId, String state, boolean replayed, Conversion conversion,
                                MatchedBudget budget, BigDecimal available) {
}
