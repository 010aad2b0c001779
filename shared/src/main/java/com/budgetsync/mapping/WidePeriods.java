package com.budgetsync.mapping;

import com.budgetsync.domain.PeriodType;
import com.budgetsync.mapping.WideHeaders.Header;
import com.budgetsync.mapping.WideHeaders.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Recognises wide exports, where periods are column headers ({@code Jan-25 … Dec-25}, {@code Q1 FY25 … Q4 FY25},
 * {@code FY2019 Adopted}, {@code Plan_2021}). Period columns are grouped by the words beside the period; the budget
 * group is imported — the original or approved one before plain or budget-named ones, those before revised or
 * proposed ones — and actual, total and other groups are ignored and reported. Within the group only the most
 * frequent granularity is kept (a grid with quarter and year subtotals), so amounts are not counted twice. Month or
 * quarter headers without a year ({@code Jan … Dec}) take it from a column of fiscal years, else from the year the file
 * or config states ({@link StatedYear}); with none, the result says the year is missing. Plan years numbered from the
 * budget year ({@code fy1 … fy4}) count from that stated year too ({@link PlanYears}).
 */
final class WidePeriods {
    private static final double YEAR_SHARE = 0.9;

    /**
     * The period columns; the column holding each row's year, or the year stated once, when the headers lack it (both
     * null when they have it, or when the year is missing: {@code yearMissing}); the period columns left out; and
     * whether another budget group was as good ({@code rival}, a reason for review).
     */
    record Columns(List<Header> periods, Integer yearColumn, StatedYear statedYear, boolean yearMissing,
                   List<Header> ignored, List<Header> rival) {
        List<Integer> indexes() {
            return periods.stream().map(Header::index).toList();
        }
    }

    private WidePeriods() {
    }

    static Optional<Columns> detect(List<String> headers, List<ColumnProfile> profiles, Set<Integer> taken,
                                    FileContext context, Integer configYear) {
        Map<String, List<Header>> groups = new LinkedHashMap<>();
        List<Header> all = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!taken.contains(i)) {
                WideHeaders.read(i, headers.get(i)).ifPresent(h -> {
                    all.add(h);
                    groups.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(h);
                });
            }
        }
        List<List<Header>> ranked = groups.values().stream()
                .filter(g -> g.get(0).kind().imported() && (g.size() >= 2 || g.get(0).kind() != Kind.PLAIN))
                .filter(g -> amountsUnder(g, profiles))
                .sorted(Comparator.comparing((List<Header> g) -> g.get(0).kind()).thenComparingInt(List::size)
                        .thenComparing(WidePeriods::ownName).reversed())
                .toList();
        if (ranked.isEmpty()) {
            return planYears(headers, profiles, taken, context, configYear);
        }
        List<Header> first = ranked.get(0);
        List<Header> rival = ranked.size() > 1 && ranked.get(1).get(0).kind() == first.get(0).kind()
                && ownName(ranked.get(1)) == ownName(first)
                && periods(ranked.get(1)).equals(periods(first)) ? ranked.get(1) : List.of();
        List<Header> chosen = covering(ranked, first);
        List<Header> ignored = all.stream().filter(h -> !chosen.contains(h)).toList();
        if (!chosen.get(0).part()) {
            return Optional.of(new Columns(chosen, null, null, false, ignored, rival));
        }
        Optional<Integer> yearColumn = IntStream.range(0, headers.size())
                .filter(i -> !taken.contains(i) && all.stream().noneMatch(h -> h.index() == i)
                        && profiles.get(i).years() >= YEAR_SHARE).boxed().findFirst();
        if (yearColumn.isPresent()) {
            return Optional.of(new Columns(chosen, yearColumn.get(), null, false, ignored, rival));
        }
        Optional<StatedYear> stated = StatedYear.find(context, configYear);
        return Optional.of(new Columns(chosen, null, stated.orElse(null), stated.isEmpty(), ignored, rival));
    }

    /**
     * Plan years numbered from the budget year ({@code fy1 … fy4}, {@link PlanYears}), one run of them over amounts,
     * counted from the year the file or config states. A column of years beside them makes each row's year the budget
     * year: no wide layout then (year 1 is that year's budget, chosen among the amounts).
     */
    private static Optional<Columns> planYears(List<String> headers, List<ColumnProfile> profiles, Set<Integer> taken,
                                               FileContext context, Integer configYear) {
        Map<String, List<Integer>> runs = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            if (!taken.contains(i)) {
                PlanYears.read(headers.get(i)).ifPresent(n -> runs.computeIfAbsent(n.stem(), s -> new ArrayList<>())
                        .add(index));
            }
        }
        Optional<StatedYear> stated = StatedYear.find(context, configYear);
        List<List<Header>> found = runs.values().stream()
                .map(run -> run.stream().sorted(Comparator.comparingInt(i -> PlanYears.read(headers.get(i)).get()
                        .year())).toList())
                .filter(run -> PlanYears.isRun(run.stream().map(headers::get).toList()))
                .map(run -> planYearHeaders(headers, run, stated))
                .filter(run -> amountsUnder(run, profiles))
                .toList();
        boolean yearColumn = IntStream.range(0, headers.size())
                .anyMatch(i -> !taken.contains(i) && profiles.get(i).years() >= YEAR_SHARE);
        if (found.size() != 1 || yearColumn) {
            return Optional.empty();
        }
        return Optional.of(new Columns(found.get(0), null, stated.orElse(null), stated.isEmpty(), List.of(),
                List.of()));
    }

    /** A run of plan-year columns, each with its fiscal year when a year is stated (else its own header). */
    private static List<Header> planYearHeaders(List<String> headers, List<Integer> run, Optional<StatedYear> stated) {
        List<String> names = run.stream().map(headers::get).toList();
        List<String> periods = stated.flatMap(y -> PlanYears.periods(names, y.period())).orElse(names);
        return IntStream.range(0, run.size()).mapToObj(k -> new Header(run.get(k), names.get(k), PeriodType.YEAR,
                false, Kind.PLAIN, PlanYears.read(names.get(k)).get().stem(), periods.get(k))).toList();
    }

    /**
     * The best group, and from the groups after it the columns of periods it lacks: "FY23 Appropriation" and
     * "FY24 Adopted" are both budgets, of different years; "FY24 Revised" beside "FY24 Adopted" is not imported.
     */
    private static List<Header> covering(List<List<Header>> ranked, List<Header> first) {
        List<Header> chosen = new ArrayList<>(first);
        Set<String> covered = new HashSet<>(periods(first));
        for (List<Header> group : ranked.subList(1, ranked.size())) {
            // Spending beside a budget group is what was spent, not the budget of its years.
            if (group.get(0).kind() == Kind.SPENDING && first.get(0).kind() != Kind.SPENDING) {
                continue;
            }
            if (group.get(0).type() == first.get(0).type() && group.get(0).part() == first.get(0).part()) {
                group.stream().filter(h -> covered.add(h.period())).forEach(chosen::add);
            }
        }
        chosen.sort(Comparator.comparingInt(Header::index));
        return chosen;
    }

    /**
     * The words beside the period are exactly one of the amount's own terms ("הוצאה נטו", net expenditure), not a
     * longer phrase around one ("הוצאה מותנית בהכנסה", expenditure conditional on income): that group is the budget.
     */
    private static boolean ownName(List<Header> group) {
        Double weight = Lexicon.of(TargetField.AMOUNT).weights().get(group.get(0).words());
        return weight != null && weight >= 1.0;
    }

    private static Set<String> periods(List<Header> group) {
        return group.stream().map(Header::period).collect(Collectors.toSet());
    }

    /** Wide columns hold amounts (blank cells allowed): a column of labels under "2025" is no period column. */
    private static boolean amountsUnder(List<Header> group, List<ColumnProfile> profiles) {
        return group.stream().map(h -> profiles.get(h.index())).filter(p -> p.values() > 0)
                .allMatch(p -> p.amounts() >= 0.8);
    }
}
