package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A budget a request draws on, with what procurement has committed (approved) and reserved (pending) against it;
 * {@code policy} is the budget's own or its customer's. {@code available} subtracts what the customer chose.
 */
public record MatchedBudget(long id, String department, String subCategory, String fiscalPeriod, String periodType,
                            BigDecimal amount, BigDecimal committed, BigDecimal reserved, String currency,
                            Policy policy, @JsonIgnore boolean subtractsPending, @JsonIgnore Long sourceConfigId) {
    @JsonProperty
    public BigDecimal available() {
        return subtractsPending ? availableAfterPending() : availableAfterApproved();
    }

    @JsonIgnore
    public BigDecimal availableAfterApproved() {
        return amount.subtract(committed);
    }

    @JsonIgnore
    public BigDecimal availableAfterPending() {
        return amount.subtract(committed).subtract(reserved);
    }

    MatchedBudget withUtilization(BigDecimal newCommitted, BigDecimal newReserved) {
        return new MatchedBudget(id, department, subCategory, fiscalPeriod, periodType, amount, newCommitted,
                newReserved, currency, policy, subtractsPending, sourceConfigId);
    }
}
