package com.budgetsync.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decisions a mapping leaves to a person, collected while mapping: at most one question per field, each with its
 * candidate columns ranked, and the same said in one line for {@code problems}. Fields decided with confidence are
 * never asked about.
 */
final class ReviewNotes {
    private final List<String> problems = new ArrayList<>();
    private final Map<TargetField, ReviewQuestion> questions = new EnumMap<>(TargetField.class);

    /** A problem without a column decision (a pinned column missing from the file). */
    void problem(String problem) {
        problems.add(problem);
    }

    void ask(TargetField field, String problem, String question, List<Alternative> candidates) {
        problems.add(problem);
        questions.putIfAbsent(field, new ReviewQuestion(field, question, candidates));
    }

    /** "Which column is the amount: 'Adopted 2024' (0.62) or 'Revised 2024' (0.58)?" */
    void askWhich(TargetField field, String problem, List<Alternative> candidates) {
        ask(field, problem, "Which column is the " + name(field) + ": " + listed(candidates) + "?", candidates);
    }

    boolean asked(TargetField field) {
        return questions.containsKey(field);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<ReviewQuestion> questions() {
        return List.copyOf(questions.values());
    }

    static String name(TargetField field) {
        return switch (field) {
            case DEPARTMENT -> "department";
            case FISCAL_PERIOD -> "fiscal period";
            case AMOUNT -> "amount";
            case SUB_CATEGORY -> "sub-category";
            case CURRENCY -> "currency";
        };
    }

    private static String listed(List<Alternative> candidates) {
        List<String> names = candidates.stream().map(c -> "'" + c.column() + "' ("
                + String.format(Locale.ROOT, "%.2f", c.confidence()) + ")").toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "no column fits" : names.get(0) + " or another one";
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + names.get(names.size() - 1);
    }
}
