package com.budgetsync.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several sub-category columns of the same evidence (a programme, an economic line, a function): a finance analyst
 * files budgets under the next organisational level, else the programme, else the account (economic) line, else the
 * function. Columns of different kinds are therefore no tie; columns of one kind still are (two functional levels,
 * two account levels: a person picks).
 */
final class SubCategoryKinds {
    /** Ranked: a later kind is preferred. */
    enum Kind { OTHER, FUNCTIONAL, ECONOMIC, PROGRAMME, ORGANISATION }

    private static final double LOOSE_ORGANISATION = 0.8;

    private SubCategoryKinds() {
    }

    /** A header in the department's own words is a level; a loose one ("Function", "Service") only failing others. */
    static Kind of(String header) {
        double organisation = HeaderMatch.of(TargetField.DEPARTMENT, header).score();
        if (organisation >= Candidate.OWN_NAME) {
            return Kind.ORGANISATION;
        }
        String name = HeaderNames.normalize(header);
        if (Lexicon.wordIn("programme", name) != null) {
            return Kind.PROGRAMME;
        }
        if (Lexicon.wordIn("economic", name) != null) {
            return Kind.ECONOMIC;
        }
        if (Lexicon.wordIn("functional", name) != null) {
            return Kind.FUNCTIONAL;
        }
        return organisation >= LOOSE_ORGANISATION ? Kind.ORGANISATION : Kind.OTHER;
    }

    /**
     * Whether {@code rival}, as good on the evidence as the winner, is a real tie: of the same kind, and not a finer
     * level of the same numbered classification ("econ3" below "econ2": the coarser line, ranked first, is the
     * sub-category, as the top level is the department).
     */
    static boolean tie(List<String> headers, Candidate winner, Candidate rival) {
        return of(headers.get(winner.index())) == of(headers.get(rival.index()))
                && !(OrgLevels.numberedLevels(headers.get(winner.index()), headers.get(rival.index()))
                && winner.distinct() < rival.distinct());
    }

    /** The sub-category winner gives way to a column of as good evidence and a preferred kind. */
    static void apply(List<String> headers, List<Candidate> candidates, Map<TargetField, Candidate> winners,
                      Set<Integer> taken, double margin) {
        Candidate winner = winners.get(TargetField.SUB_CATEGORY);
        if (winner == null) {
            return;
        }
        Kind kind = of(headers.get(winner.index()));
        candidates.stream()
                .filter(c -> c.field() == TargetField.SUB_CATEGORY && c.index() != winner.index()
                        && !taken.contains(c.index()) && ColumnMapper.acceptable(c)
                        && c.score() >= winner.score() - margin && c.exactHeader() == winner.exactHeader())
                .max(Comparator.comparing((Candidate c) -> of(headers.get(c.index()))))
                .filter(c -> of(headers.get(c.index())).compareTo(kind) > 0)
                .ifPresent(c -> OrgLevels.swap(winners, taken, TargetField.SUB_CATEGORY, c.withReason("of the same"
                        + " evidence as '" + headers.get(winner.index()) + "', and " + describe(of(headers.get(
                        c.index()))) + " comes before " + describe(kind))));
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case ORGANISATION -> "an organisational level";
            case PROGRAMME -> "a programme";
            case ECONOMIC -> "an account (economic) line";
            case FUNCTIONAL -> "a function";
            case OTHER -> "a column of another kind";
        };
    }
}
