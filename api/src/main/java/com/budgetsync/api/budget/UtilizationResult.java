package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where a request stands after a reserve, commit or release: {@code replayed} is true when the call repeated one
 * already applied, which changed nothing. {@code budgets} are the budgets it holds on, with their figures now, and
 * {@code shares} what it holds on each; {@code budget} is the one budget when there is one (as before rollups).
 * {@code available} is the sum of the budgets' available amounts; {@code overBudget}: the request went beyond it
 * when made (allowed by a soft or notify policy).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UtilizationResult(String requestId, String state, boolean replayed, Conversion conversion,
                                MatchedBudget budget, BigDecimal available, List<MatchedBudget> budgets,
                                List<Spread.Share> shares, String basis, Policy policy, boolean overBudget,
                                String availableSubtracts, BigDecimal availableAfterApproved,
                                BigDecimal availableAfterPending) {
}
