package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request amount in the budget's currency; when the currencies differ, the rate used and the day it took effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Conversion(BigDecimal requestAmount, String requestCurrency, BigDecimal amount, String currency,
                         BigDecimal rate, LocalDate rateValidFrom) {
    static Conversion none(BigDecimal amount, String currency) {
        return new Conversion(amount, currency, amount, currency, null, null);
    }
}
