package com.budgetsync.api.budget;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which budgets answer a request, the way a finance person reads a plan, chosen among the department's budgets that
 * overlap the requested period (one query, {@link BudgetFinder}):
 * <ol>
 *   <li>the requested level — the sub-category's budgets, or the department's own (no sub-category) — where one
 *       budget covers the whole period: the most specific (month, quarter, year). {@code exact} when its period is
 *       the one asked for (a date asks for its month), else {@code quarterly budget} / {@code yearly budget};</li>
 *   <li>else the budgets of that level inside the period, of the one period type covering most of it (months before
 *       quarters on a tie): {@code sum of months} / {@code sum of quarters};</li>
 *   <li>a sub-category without budgets draws on the department's own budget: {@code department budget};</li>
 *   <li>a department without its own budget draws on every sub-category's, each chosen by 1–2:
 *       {@code sum of sub-categories}.</li>
 * </ol>
 */
final class Rollup {
    static final String EXACT = "exact";
    static final String SUM_OF_SUB_CATEGORIES = "sum of sub-categories";
    static final String DEPARTMENT_BUDGET = "department budget";

    /** A department's budget overlapping the requested period, with its sub-category key and dates. */
    record Candidate(MatchedBudget budget, String subKey, LocalDate start, LocalDate end) {
        int rank() {
            return switch (budget.periodType()) {
                case "MONTH" -> 0;
                case "QUARTER" -> 1;
                default -> 2;
            };
        }

        long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    private record Level(String basis, List<MatchedBudget> budgets) {
    }

    private Rollup() {
    }

    /**
     * @param subKey       the requested sub-category's match key, "" for a department-only request
     * @param periodAsked  a fiscal period was asked for ({@code from}..{@code to}); else a date ({@code from = to})
     */
    static Optional<Draw> choose(BudgetRules rules, List<Candidate> rows, String subKey, LocalDate from,
                                 LocalDate to, boolean periodAsked) {
        Map<String, List<Candidate>> bySub = rows.stream()
                .collect(Collectors.groupingBy(Candidate::subKey, TreeMap::new, Collectors.toList()));
        Optional<Level> own = level(bySub.getOrDefault(subKey, List.of()), from, to, periodAsked);
        if (own.isPresent()) {
            return Optional.of(new Draw(rules, own.get().basis(), own.get().budgets()));
        }
        if (!subKey.isEmpty()) {
            return level(bySub.getOrDefault("", List.of()), from, to, periodAsked)
                    .map(department -> new Draw(rules, DEPARTMENT_BUDGET, department.budgets()));
        }
        List<MatchedBudget> subs = new ArrayList<>();
        bySub.forEach((key, budgets) -> {
            if (!key.isEmpty()) {
                level(budgets, from, to, periodAsked).ifPresent(l -> subs.addAll(l.budgets()));
            }
        });
        return subs.isEmpty() ? Optional.empty() : Optional.of(new Draw(rules, SUM_OF_SUB_CATEGORIES, subs));
    }

    private static Optional<Level> level(List<Candidate> rows, LocalDate from, LocalDate to, boolean periodAsked) {
        Optional<Candidate> covering = rows.stream()
                .filter(c -> !c.start().isAfter(from) && !c.end().isBefore(to))
                .min(Comparator.comparingInt(Candidate::rank));
        if (covering.isPresent()) {
            Candidate c = covering.get();
            boolean exact = periodAsked ? c.start().equals(from) && c.end().equals(to) : c.rank() == 0;
            String basis = exact ? EXACT : c.rank() == 1 ? "quarterly budget" : "yearly budget";
            return Optional.of(new Level(basis, List.of(c.budget())));
        }
        // Months and quarters of one plan both inside a year would count the money twice: one type only.
        Map<Integer, List<Candidate>> inside = rows.stream()
                .filter(c -> !c.start().isBefore(from) && !c.end().isAfter(to))
                .collect(Collectors.groupingBy(Candidate::rank, TreeMap::new, Collectors.toList()));
        return inside.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, List<Candidate>>>comparingLong(
                                e -> e.getValue().stream().mapToLong(Candidate::days).sum())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> new Level(e.getKey() == 0 ? "sum of months" : "sum of quarters",
                        e.getValue().stream().map(Candidate::budget).toList()));
    }
}
