package com.budgetsync.api.budget;

import java.math.BigDecimal;

/**
 * A reserve, commit or release call. {@code amount} and {@code currency} may be left out of a commit or release of an
 * existing reservation; when given they must match it. {@code enforce}: the hard policy for this call whatever the
 * budget's. {@code actor} is who calls (the audit trail's who), {@code overrideReason} why a soft-policy budget may be
 * overspent (its why).
 */
public record UtilizationCommand(String requestId, BudgetTarget target, BigDecimal amount, String currency,
                                 boolean enforce, String actor, String overrideReason) {
    public UtilizationCommand(String requestId, BudgetTarget target, BigDecimal amount, String currency,
                              boolean enforce) {
        this(requestId, target, amount, currency, enforce, null, null);
    }
}
