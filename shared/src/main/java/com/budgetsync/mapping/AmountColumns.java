package com.budgetsync.mapping;

import com.budgetsync.mapping.WideHeaders.Kind;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Several amount columns in a long file (adopted, revised, executed, committed, paid): the budget is the one named as
 * the original or approved budget, in any language of the lexicon; a plainly named budget comes before a revised or
 * proposed one. Actual-spend columns are never the amount and are named in the reason. Plan years numbered from the
 * budget year beside a column of years ({@code a1 … a3}): year 1 is that year's budget. When nothing tells the budget
 * columns apart, a person picks one.
 */
final class AmountColumns {
    private static final double NAMED = 0.85;
    private static final double AMOUNTS = 0.8;

    private AmountColumns() {
    }

    /** Returns whether it decided the amount among several (no tie to report then). */
    static boolean apply(List<String> headers, List<ColumnProfile> profiles, List<Candidate> candidates,
                         Map<TargetField, Candidate> winners, Set<Integer> taken, ReviewNotes review) {
        Candidate winner = winners.get(TargetField.AMOUNT);
        if (winner == null) {
            return false;
        }
        String actuals = actualsBeside(headers, profiles, winner.index());
        if (!actuals.isEmpty()) {
            winner = winner.withReason(actuals + " beside it: actual amounts, not imported");
            winners.put(TargetField.AMOUNT, winner);
        }
        int current = winner.index();
        List<Candidate> budgets = candidates.stream()
                .filter(c -> c.field() == TargetField.AMOUNT && c.headerScore() >= NAMED
                        && (c.index() == current || !taken.contains(c.index())))
                .filter(c -> c.fit() >= AMOUNTS)
                .filter(c -> kind(headers, c).imported())
                .sorted(Comparator.comparing((Candidate c) -> kind(headers, c)).reversed()
                        .thenComparing(c -> !c.exactHeader())
                        .thenComparingInt(c -> c.index() == current ? 0 : 1))
                .toList();
        if (budgets.isEmpty() || budgets.size() == 1 && budgets.get(0).index() == current) {
            // The only budget-named column (a total or an unnamed one beside it is no rival): decided.
            return !budgets.isEmpty();
        }
        Kind best = kind(headers, budgets.get(0));
        List<Candidate> top = budgets.stream().filter(c -> kind(headers, c) == best).toList();
        List<Candidate> exact = top.stream().filter(Candidate::exactHeader).toList();
        String names = listed(budgets.stream().map(c -> "'" + headers.get(c.index()) + "'").toList());
        List<Candidate> planYears = planYears(headers, top, winners);
        if (!planYears.isEmpty()) {
            OrgLevels.swap(winners, taken, TargetField.AMOUNT, planYears.get(0).withReason("year 1 of the plan years "
                    + listed(planYears.stream().map(c -> "'" + headers.get(c.index()) + "'").toList())
                    + ": the budget of each row's year in '"
                    + headers.get(winners.get(TargetField.FISCAL_PERIOD).index()) + "'; the later years are the"
                    + " plan's outer years, not imported"));
            return true;
        }
        if (top.size() > 1 && exact.size() != 1) {
            List<Alternative> ranked = new ArrayList<>();
            top.forEach(c -> ranked.add(new Alternative(headers.get(c.index()), ColumnMapper.round(Math.min(c.score(),
                    0.5)))));
            review.askWhich(TargetField.AMOUNT, "amount: " + listed(top.stream().map(c -> "'"
                    + headers.get(c.index()) + "'").toList()) + (top.size() == 2 ? " both" : " all")
                    + " hold budget amounts and nothing in their names says which is the approved budget; pin the"
                    + " budget column in the config (e.g. options.pins " + pin(headers.get(top.get(0).index()))
                    + ") to import", ranked);
            return false;
        }
        Candidate chosen = top.size() > 1 ? exact.get(0) : budgets.get(0);
        String why = budgets.size() == 1 ? "the only column named as a budget" : best.describe() + " among " + names;
        OrgLevels.swap(winners, taken, TargetField.AMOUNT, chosen.withReason(why));
        return true;
    }

    /**
     * Budget columns that are plan years numbered from the budget year ({@code a1 … a3}, {@link PlanYears}) beside a
     * column of each row's year, year 1 first: year 1 is that year's budget. Empty when they are no such run or no
     * year column is.
     */
    private static List<Candidate> planYears(List<String> headers, List<Candidate> top,
                                             Map<TargetField, Candidate> winners) {
        List<Candidate> run = top.stream().sorted(Comparator.comparingInt((Candidate c) -> PlanYears.read(
                headers.get(c.index())).map(PlanYears.Numbered::year).orElse(0))).toList();
        return winners.containsKey(TargetField.FISCAL_PERIOD)
                && PlanYears.isRun(run.stream().map(c -> headers.get(c.index())).toList()) ? run : List.of();
    }

    /** The pin as the config's JSON spells it, the header escaped, so that it can be copied as it is. */
    private static String pin(String header) {
        return "{\"" + new String(JsonStringEncoder.getInstance().quoteAsString(header)) + "\": \""
                + TargetField.AMOUNT.jsonName() + "\"}";
    }

    private static String listed(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static Kind kind(List<String> headers, Candidate c) {
        return WideHeaders.kind(HeaderNames.normalize(headers.get(c.index())));
    }

    private static String actualsBeside(List<String> headers, List<ColumnProfile> profiles, int amount) {
        return String.join(", ", IntStream.range(0, headers.size())
                .filter(i -> i != amount && profiles.get(i).amounts() >= AMOUNTS
                        && Lexicon.wordIn(Lexicon.ACTUAL, HeaderNames.normalize(headers.get(i))) != null)
                .mapToObj(i -> "'" + headers.get(i) + "'").toList());
    }
}
