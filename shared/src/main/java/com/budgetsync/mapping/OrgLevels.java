package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Organisation hierarchies (ministry → agency → unit, department → division, {@code Level 1 … Level 4}). The rule:
 * procurement budgets against the top named organisation level, so among the columns whose header names an
 * organisation level and whose values are labels, the one with the fewest distinct values (but more than one) is the
 * department; the next level is the sub-category when no column is named as one. Columns named with a field's own
 * words (Department, Ministry, Agency) outrank loosely named ones (Entity, Unit, Level) as levels. A code column beside
 * its label column ({@code CC_No} / {@code Cost Center}) gives way to the label.
 */
final class OrgLevels {
    private static final double NAMED = 0.7;
    private static final double OWN_NAME = 0.88;
    private static final double LABELS = 0.7;
    private static final double NAMED_SUB_CATEGORY = 0.9;

    private OrgLevels() {
    }

    /** Applies the rules to the winners; returns the fields they decided (no tie to report for those). */
    static Set<TargetField> apply(List<String> headers, List<ColumnProfile> profiles, List<DataRow> data,
                                  List<Candidate> candidates, Map<TargetField, Candidate> winners,
                                  Map<TargetField, FieldMapping> chosen, Set<Integer> taken) {
        labelForCode(TargetField.DEPARTMENT, headers, profiles, data, candidates, winners, taken);
        labelForCode(TargetField.SUB_CATEGORY, headers, profiles, data, candidates, winners, taken);
        Candidate department = winners.get(TargetField.DEPARTMENT);
        if (department == null || chosen.containsKey(TargetField.DEPARTMENT)) {
            return Set.of();
        }
        Candidate sub = winners.get(TargetField.SUB_CATEGORY);
        List<Candidate> levels = levels(headers, profiles, data, candidates, taken, department, sub);
        if (levels.size() < 2) {
            return Set.of();
        }
        String order = String.join(" → ", levels.stream().map(c -> "'" + headers.get(c.index()) + "' ("
                + c.distinct() + ")").toList());
        Candidate top = levels.get(0);
        swap(winners, taken, TargetField.DEPARTMENT, top.withReason("top of the organisation levels " + order
                + ": procurement budgets against the top named level"));
        if (!chosen.containsKey(TargetField.SUB_CATEGORY)
                && (sub == null || sub.headerScore() < NAMED_SUB_CATEGORY || sub.index() == levels.get(1).index())) {
            Candidate next = candidateFor(TargetField.SUB_CATEGORY, levels.get(1).index(), headers, profiles);
            swap(winners, taken, TargetField.SUB_CATEGORY, new Candidate(TargetField.SUB_CATEGORY, next.index(),
                    Math.max(next.score(), levels.get(1).score()), next.headerScore(), false, next.distinct(),
                    "next organisation level below '" + headers.get(top.index()) + "' (no column is named as a"
                            + " sub-category); " + levels.get(1).reason()));
        }
        return Set.of(TargetField.DEPARTMENT);
    }

    /**
     * Label columns named as organisation levels, coarsest first; only those named with the field's own words when
     * two or more are.
     */
    private static List<Candidate> levels(List<String> headers, List<ColumnProfile> profiles, List<DataRow> data,
                                          List<Candidate> candidates, Set<Integer> taken, Candidate department,
                                          Candidate sub) {
        List<Candidate> named = candidates.stream()
                .filter(c -> c.field() == TargetField.DEPARTMENT && c.headerScore() >= NAMED)
                .filter(c -> c.index() == department.index() || sub != null && c.index() == sub.index()
                        || !taken.contains(c.index()))
                .filter(c -> profiles.get(c.index()).labels() >= LABELS && c.distinct() >= 2)
                .filter(c -> IdentifierColumns.labelOf(c.index(), headers, profiles, data).isEmpty())
                .sorted(Comparator.comparingInt(Candidate::distinct).thenComparingInt(Candidate::index))
                .toList();
        List<Candidate> ownNamed = named.stream().filter(c -> c.headerScore() >= OWN_NAME).toList();
        if (ownNamed.size() == 1) {
            return List.of();
        }
        return ownNamed.size() >= 2 ? ownNamed : named;
    }

    private static void labelForCode(TargetField field, List<String> headers, List<ColumnProfile> profiles,
                                     List<DataRow> data, List<Candidate> candidates,
                                     Map<TargetField, Candidate> winners, Set<Integer> taken) {
        Candidate winner = winners.get(field);
        if (winner == null) {
            return;
        }
        Optional<Integer> label = IdentifierColumns.labelOf(winner.index(), headers, profiles, data)
                .filter(l -> !taken.contains(l));
        label.ifPresent(l -> {
            Candidate named = candidateFor(field, l, headers, profiles);
            swap(winners, taken, field, new Candidate(field, l, Math.max(named.score(), winner.score()),
                    named.headerScore(), named.exactHeader(), named.distinct(), "'" + headers.get(winner.index())
                    + "' holds codes and '" + headers.get(l) + "' their names: the label is mapped; "
                    + named.reason()));
        });
    }

    private static Candidate candidateFor(TargetField field, int index, List<String> headers,
                                          List<ColumnProfile> profiles) {
        return Candidate.of(field, headers.get(index), index, profiles.get(index));
    }

    static void swap(Map<TargetField, Candidate> winners, Set<Integer> taken, TargetField field, Candidate next) {
        Candidate previous = winners.get(field);
        if (previous != null) {
            taken.remove(previous.index());
        }
        winners.values().removeIf(c -> c.index() == next.index() && c.field() != field);
        winners.put(field, next);
        taken.add(next.index());
    }
}
