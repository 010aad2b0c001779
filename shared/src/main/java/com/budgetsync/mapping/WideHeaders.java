package com.budgetsync.mapping;

import com.budgetsync.domain.PeriodType;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a header of a wide export as a period column: the period ({@code FY2019}, {@code Q3-22}, {@code Jan}) and the
 * words beside it, which say what the column's amounts are. Budget, plan and adopted columns are imported; actual,
 * spent and executed columns, totals and anything else are not.
 */
final class WideHeaders {
    /** What a period column holds, by the words in its header; the order ranks budget columns. */
    enum Kind {
        ACTUAL, OTHER, SPENDING, REVISED, BUDGET, PLAIN, ORIGINAL;

        boolean imported() {
            return this != ACTUAL && this != OTHER;
        }

        String describe() {
            return switch (this) {
                case ACTUAL -> "actual amounts";
                case OTHER -> "not budget amounts";
                case SPENDING -> "spending beside the budget";
                case REVISED -> "a revised or proposed budget";
                case BUDGET, PLAIN -> "budget amounts";
                case ORIGINAL -> "the original or approved budget";
            };
        }
    }

    /** One period column: its position, header, period granularity, whether the year is missing, and its kind. */
    record Header(int index, String header, PeriodType type, boolean part, Kind kind, String words, String period) {
        /** Columns that belong together: same kind of amounts, same words, same granularity. */
        String group() {
            return kind + "|" + words + "|" + type + "|" + part;
        }
    }

    /** "y2023": the year's initial, as exports prefix year columns. */
    private static final String YEAR_LETTER = "y";

    private WideHeaders() {
    }

    static Optional<Header> read(int index, String header) {
        Optional<PeriodText> found = PeriodText.find(header).or(() -> PeriodText.findPart(header));
        return found.map(p -> new Header(index, header, p.period().type(), p.part(), kind(p.words()), p.words(),
                p.period().canonical()));
    }

    static Kind kind(String words) {
        if (words.isEmpty() || namesPeriod(words)) {
            return Kind.PLAIN;
        }
        if (Lexicon.wordIn(Lexicon.ACTUAL, words) != null) {
            return Kind.ACTUAL;
        }
        if (Lexicon.wordIn(Lexicon.TOTAL, words) != null || Lexicon.wordIn(Lexicon.NOT_AMOUNT, words) != null) {
            return Kind.OTHER;
        }
        if (Lexicon.wordIn(Lexicon.ORIGINAL, words) != null) {
            return Kind.ORIGINAL;
        }
        if (Lexicon.wordIn(Lexicon.REVISED, words) != null) {
            return Kind.REVISED;
        }
        if (Lexicon.wordIn("spending", words) != null && !namesBudget(words)) {
            return Kind.SPENDING;
        }
        return Lexicon.wordIn(TargetField.AMOUNT.jsonName(), words) != null ? Kind.BUDGET : Kind.OTHER;
    }

    /**
     * The words only say the number is a year ("y2023", "Year 2024", "Jahr 2025"): they say nothing of what the amounts
     * are, as a bare "2023" says nothing.
     */
    private static boolean namesPeriod(String words) {
        Double weight = Lexicon.of(TargetField.FISCAL_PERIOD).weights().get(words);
        return YEAR_LETTER.equals(words) || weight != null && weight >= 1.0;
    }

    /** A word run of the header is one of the amount's own terms ("budget", "estimates", "Haushaltsansatz"). */
    private static boolean namesBudget(String words) {
        Lexicon.Terms terms = Lexicon.of(TargetField.AMOUNT);
        String[] w = words.split(" ");
        for (int length = 1; length <= w.length; length++) {
            for (int start = 0; start + length <= w.length; start++) {
                Double weight = terms.weights().get(String.join(" ", Arrays.asList(w).subList(start,
                        start + length)));
                if (weight != null && weight >= 1.0 && Lexicon.wordIn("spending", String.join(" ",
                        Arrays.asList(w).subList(start, start + length))) == null) {
                    return true;
                }
            }
        }
        return false;
    }
}
