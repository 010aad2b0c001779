package com.budgetsync.api.budget;

/**
 * What the budget-check domain refuses, in its own words; {@code errors/ErrorMappers} turns each kind into its HTTP
 * answer (invalid 400, not found 404, conflicting or over budget 409, no FX rate 422). {@code details} go to the
 * client as they are.
 */
public abstract class BudgetException extends RuntimeException {
    private final transient Object details;

    BudgetException(String message, Object details) {
        super(message);
        this.details = details;
    }

    public Object details() {
        return details;
    }

    /** A request the domain cannot read: a period that is not one, a new request without its amount. */
    public static final class Invalid extends BudgetException {
        Invalid(String message) {
            super(message, null);
        }
    }

    /** No active budget matches, or no reservation exists to release. */
    public static final class NotFound extends BudgetException {
        NotFound(String message, Object details) {
            super(message, details);
        }
    }

    /** The amount is more than the budget has available. */
    public static final class OverBudget extends BudgetException {
        OverBudget(String message, Object details) {
            super(message, details);
        }
    }

    /** The request contradicts what was already done: its state, its amount, or a budget a sync removed. */
    public static final class Conflict extends BudgetException {
        Conflict(String message, Object details) {
            super(message, details);
        }
    }

    /** No exchange rate from the request's currency to the budget's on the date. */
    public static final class NoFxRate extends BudgetException {
        NoFxRate(String message, Object details) {
            super(message, details);
        }
    }
}
