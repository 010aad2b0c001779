package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
