package com.budgetsync.mapping;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Recognises a fiscal period split over two columns — the year in one ("FY25", "2025") and the month or quarter in
 * another ("Jan", "Q1") — as Oracle EPM and Planful data exports write it. The two columns are then read together
 * ("FY25 Jan"); only when no single column holds complete periods.
 */
final class SplitPeriods {
    private static final double SHARE = 0.9;

    private SplitPeriods() {
    }

    static Optional<FieldMapping> detect(List<String> headers, List<ColumnProfile> profiles, Set<Integer> taken) {
        List<Integer> free = IntStream.range(0, headers.size()).filter(i -> !taken.contains(i))
                .filter(i -> profiles.get(i).values() > 0).boxed().toList();
        boolean completePeriods = free.stream().map(profiles::get)
                .anyMatch(p -> p.periods() >= SHARE && p.years() < SHARE);
        Optional<Integer> year = best(free, headers, i -> profiles.get(i).years() >= SHARE);
        Optional<Integer> part = best(free, headers, i -> profiles.get(i).parts() >= SHARE);
        if (completePeriods || year.isEmpty() || part.isEmpty()) {
            return Optional.empty();
        }
        int y = year.get();
        int p = part.get();
        double header = (HeaderMatch.of(TargetField.FISCAL_PERIOD, headers.get(y)).score()
                + HeaderMatch.of(TargetField.FISCAL_PERIOD, headers.get(p)).score()) / 2;
        double values = Math.min(profiles.get(y).years(), profiles.get(p).parts());
        String reason = "year in '" + headers.get(y) + "' (" + ColumnProfile.percent(profiles.get(y).years())
                + " fiscal years) and month/quarter in '" + headers.get(p) + "' ("
                + ColumnProfile.percent(profiles.get(p).parts()) + "), read together";
        return Optional.of(new FieldMapping(null, null, List.of(headers.get(y), headers.get(p)), List.of(y, p),
                Math.round((0.5 * header + 0.5 * values) * 100) / 100.0, reason, List.of()));
    }

    private static Optional<Integer> best(List<Integer> free, List<String> headers,
                                          IntPredicate fits) {
        return free.stream().filter(fits::test).max((a, b) -> Double.compare(
                HeaderMatch.of(TargetField.FISCAL_PERIOD, headers.get(a)).score(),
                HeaderMatch.of(TargetField.FISCAL_PERIOD, headers.get(b)).score()));
    }
}
