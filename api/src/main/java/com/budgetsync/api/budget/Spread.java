package com.budgetsync.api.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a request drawn on several budgets is split: in proportion to each budget's available amount (a budget with
 * nothing left takes nothing), so a request that fits the total fits every budget; when none has anything left (an
 * allowed over-budget request), in proportion to the budgets' amounts. Shares are rounded down to 4 decimals and the
 * cents left over go to the budget with the most available (the first of equals), so the shares add up exactly.
 */
public final class Spread {
    /** One budget's part of a request, in the budget's currency. */
    public record Share(long budgetId, BigDecimal amount) {
    }

    private Spread() {
    }

    static List<Share> proportional(BigDecimal amount, List<MatchedBudget> budgets) {
        List<BigDecimal> weights = budgets.stream().map(b -> b.available().max(BigDecimal.ZERO)).toList();
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights = budgets.stream().map(b -> b.amount().max(BigDecimal.ZERO)).toList();
        }
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights = budgets.stream().map(b -> BigDecimal.ONE).toList();
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> parts = new ArrayList<>();
        int largest = 0;
        for (int i = 0; i < budgets.size(); i++) {
            parts.add(amount.multiply(weights.get(i)).divide(total, 4, RoundingMode.DOWN));
            if (weights.get(i).compareTo(weights.get(largest)) > 0) {
                largest = i;
            }
        }
        BigDecimal left = amount.subtract(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        parts.set(largest, parts.get(largest).add(left));
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            if (parts.get(i).signum() > 0) {
                shares.add(new Share(budgets.get(i).id(), parts.get(i)));
            }
        }
        return shares;
    }
}
