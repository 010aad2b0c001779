package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/** The budget a request matched, with what procurement has already committed and reserved against it. */
public record MatchedBudget(long id, String department, String subCategory, String fiscalPeriod, String periodType,
                            BigDecimal amount, BigDecimal committed, BigDecimal reserved, String currency) {
    @JsonIgnore
    public BigDecimal available() {
        return amount.subtract(committed).subtract(reserved);
    }
}
