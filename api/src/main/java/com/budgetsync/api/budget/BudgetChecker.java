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

    public CheckResult check(BudgetTarget target, BigDecimal amount, String currency) {
        return jdbi.withHandle(h -> {
            Optional<MatchedBudget> found = BudgetFinder.find(h, target);
            if (found.isEmpty()) {
                return new CheckResult(CheckResult.Status.NO_BUDGET, null, null, null,
                        "no active budget for " + describe(target), null);
            }
            MatchedBudget budget = found.get();
            Conversion conversion = FxRates.convert(h, amount, currency, budget.currency(), target.rateDate());
            BigDecimal remaining = budget.available().subtract(conversion.amount());
            boolean within = remaining.signum() >= 0;
            String reason = (within ? "within " : "over ") + "budget " + budget.fiscalPeriod() + " of "
                    + budget.department() + (budget.subCategory() == null ? "" : " / " + budget.subCategory())
                    + ": " + budget.available().toPlainString() + " " + budget.currency() + " available";
            return new CheckResult(within ? CheckResult.Status.WITHIN_BUDGET : CheckResult.Status.OVER_BUDGET,
                    budget.available(), budget, remaining, reason, conversion);
        });
    }

    static String describe(BudgetTarget target) {
        return target.department() + (target.subCategory() == null ? "" : " / " + target.subCategory()) + " in "
                + (target.fiscalPeriod() != null ? target.fiscalPeriod() : target.rateDate());
    }
}
