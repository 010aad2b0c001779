package com.budgetsync.api.budget;

import java.math.BigDecimal;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Answers "is there budget left for this amount?" without changing anything. */
public final class BudgetChecker {
    private final Jdbi jdbi;

    public BudgetChecker(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param enforce the caller's {@code enforce: true}: the hard policy whatever the budget's */
    public CheckResult check(BudgetTarget target, BigDecimal amount, String currency, boolean enforce) {
        return jdbi.withHandle(h -> {
            Optional<Draw> found = BudgetFinder.find(h, target);
            if (found.isEmpty()) {
                return CheckResult.noBudget("no active budget for " + describe(target),
                        enforce ? Policy.HARD : BudgetFinder.rules(h, target.customerId()).policy());
            }
            Draw draw = found.get();
            Policy policy = enforce ? Policy.HARD : draw.policy();
            Conversion conversion = FxRates.convert(h, amount, currency, draw.currency(), target.rateDate());
            BigDecimal remaining = draw.available().subtract(conversion.amount());
            boolean within = remaining.signum() >= 0;
            return new CheckResult(within ? CheckResult.Status.WITHIN_BUDGET : CheckResult.Status.OVER_BUDGET,
                    draw.available(), draw.single(), remaining, reason(draw, within), conversion, draw.basis(),
                    draw.budgets(), policy, !within, !within && policy == Policy.SOFT,
                    draw.rules().availableSubtracts(), draw.availableAfterApproved(), draw.availableAfterPending());
        });
    }

    /** "within budget 2025-02 of Field Marketing: …", or for a rollup what it added up. */
    static String reason(Draw draw, boolean within) {
        MatchedBudget one = draw.single();
        String what = one != null
                ? "budget " + one.fiscalPeriod() + " of " + one.department()
                        + (one.subCategory() == null ? "" : " / " + one.subCategory())
                : draw.budgets().size() + " budgets of " + draw.budgets().get(0).department();
        return (within ? "within " : "over ") + what + " (" + draw.basis() + "): "
                + draw.available().toPlainString() + " " + draw.currency() + " available";
    }

    static String describe(BudgetTarget target) {
        return target.department() + (target.subCategory() == null ? "" : " / " + target.subCategory()) + " in "
                + (target.fiscalPeriod() != null ? target.fiscalPeriod() : target.rateDate());
    }
}
