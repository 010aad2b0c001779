package com.budgetsync.api.budget;

import java.math.BigDecimal;

/**
 * A reserve, commit or release call. {@code amount} and {@code currency} may be left out of a commit or release of an
 * existing reservation; when given they must match it.
 */
public record UtilizationCommand(String requestId, BudgetTarget target, BigDecimal amount, String currency,
                                 boolean enforce) {
}
