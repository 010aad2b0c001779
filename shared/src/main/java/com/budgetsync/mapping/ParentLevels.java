package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An organisation level above the department whose header names no organisation ("topname" beside "depname", a
 * "Parent" column beside "Agency"). A flat export repeats the parent's name on every row of its children, so in the
 * data a hierarchy is a functional dependency: each department value lies under one value of the parent, which holds
 * fewer values. The dependency alone also fits a function or a fund that each department happens to sit in, so the
 * header must place the column above ("top", "parent", "superior") as well, and name no line of the accounts ("Parent
 * Account" is a level of the chart of accounts, not of the organisation).
 */
final class ParentLevels {
    /** Fewer rows tie any two columns by chance. */
    private static final int MIN_ROWS = 6;
    private static final double NAMES_A_LINE = 0.6;
    private static final double LABELS = 0.9;
    /** A level repeats (several budget lines per unit); names that differ on every row are line items or notes. */
    private static final double REPEATING = 0.5;

    private ParentLevels() {
    }

    /** Why {@code column} is the level above {@code department}, or null when it is not. */
    static String above(List<String> headers, List<ColumnProfile> profiles, List<DataRow> rows, int column,
                        int department) {
        String header = HeaderMatch.unglued(HeaderNames.normalize(headers.get(column)));
        String word = Lexicon.wordIn(Lexicon.UPPER_LEVEL, header);
        ColumnProfile parent = profiles.get(column);
        ColumnProfile child = profiles.get(department);
        if (word == null || HeaderMatch.of(TargetField.SUB_CATEGORY, headers.get(column)).score() >= NAMES_A_LINE
                || column == department || parent.distinct() < 2 || parent.distinct() >= child.distinct()
                || child.values() < MIN_ROWS || !determines(rows, department, column)) {
            return null;
        }
        return "its header says '" + word + "' and each '" + headers.get(department) + "' lies under one of its "
                + parent.distinct() + " values: the level above";
    }

    /**
     * The level right below the department when no header names a sub-category: the label column of repeating names
     * whose every value lies under one department value, with more values than the department (the finest such levels
     * come later), fewest first. Flags and value types (Ist / Plan, revenue / cost) cut across departments and are
     * never below one.
     */
    static Optional<Integer> below(List<String> headers, List<ColumnProfile> profiles, List<DataRow> rows,
                                   int department, Set<Integer> taken) {
        ColumnProfile parent = profiles.get(department);
        return IntStream.range(0, headers.size())
                .filter(i -> i != department && !taken.contains(i))
                .filter(i -> profiles.get(i).labels() >= LABELS && profiles.get(i).values() >= MIN_ROWS
                        && profiles.get(i).distinct() > parent.distinct() && parent.distinct() >= 2
                        && profiles.get(i).distinct() <= REPEATING * profiles.get(i).values()
                        && Lexicon.wordIn(Lexicon.FREE_TEXT, HeaderNames.normalize(headers.get(i))) == null
                        && determines(rows, i, department))
                .boxed().min(Comparator.comparingInt((Integer i) -> profiles.get(i).distinct())
                        .thenComparingInt(i -> i));
    }

    /** Each value of {@code child} always stands beside the same value of {@code parent} (blank cells aside). */
    static boolean determines(List<DataRow> rows, int child, int parent) {
        Map<String, String> parents = new HashMap<>();
        for (DataRow row : rows) {
            String c = row.cell(child).strip();
            String p = row.cell(parent).strip();
            if (!c.isEmpty() && !p.isEmpty() && !p.equals(parents.computeIfAbsent(c, k -> p))) {
                return false;
            }
        }
        return true;
    }
}
