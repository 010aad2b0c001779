package com.budgetsync.api.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * What a request draws on: one budget, or several rolled up (see {@link Rollup}), with how they were chosen
 * ({@code basis}) and the customer's rules. Sums are over the budgets, which share one currency.
 */
public record Draw(BudgetRules rules, String basis, List<MatchedBudget> budgets) {
    public String currency() {
        return budgets.get(0).currency();
    }

    public BigDecimal amount() {
        return sum(MatchedBudget::amount);
    }

    public BigDecimal available() {
        return sum(MatchedBudget::available);
    }

    public BigDecimal availableAfterApproved() {
        return sum(MatchedBudget::availableAfterApproved);
    }

    public BigDecimal availableAfterPending() {
        return sum(MatchedBudget::availableAfterPending);
    }

    /** The strictest of the budgets' policies: a hard budget inside a rollup keeps the whole request hard. */
    public Policy policy() {
        return budgets.stream().map(MatchedBudget::policy).reduce(Policy.NOTIFY, Policy::stricter);
    }

    /** The one budget, when the answer drew on exactly one (the answer's {@code budget}, as before rollups). */
    public MatchedBudget single() {
        return budgets.size() == 1 ? budgets.get(0) : null;
    }

    private BigDecimal sum(Function<MatchedBudget, BigDecimal> figure) {
        return budgets.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
