package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Code columns — of code values, or named as codes — that repeat in step with a label column ({@code CC_No} beside
 * {@code Cost Center}, {@code Agency Code} beside {@code Agency Name}): each code always comes with the same label and each label with the same code. Such a
 * column identifies; it is neither the amount nor, while its label column is there, the department.
 */
final class IdentifierColumns {
    private static final double SHARE = 0.8;
    /** Fewer rows pair any two columns by chance. */
    private static final int MIN_ROWS = 6;
    private static final int MIN_CODES = 3;
    /** "en", "ge", "eng", "ka": a language tag is a few letters. */
    private static final int LANGUAGE_TAG = 3;

    private IdentifierColumns() {
    }

    /** The label column a code column goes with, if any. */
    static Optional<Integer> labelOf(int code, List<String> headers, List<ColumnProfile> profiles,
                                     List<DataRow> rows) {
        ColumnProfile p = profiles.get(code);
        boolean namedCode = Lexicon.wordIn(Lexicon.IDENTIFIER, HeaderNames.normalize(headers.get(code))) != null;
        // In step means repeating together: with every value distinct, any two columns pair one to one.
        if (p.codes() < SHARE && !namedCode || p.values() < MIN_ROWS || p.distinct() < 2
                || p.distinct() > SHARE * p.values() || !namedCode && distinctCodes(rows, code) < MIN_CODES) {
            return Optional.empty();
        }
        for (int label = 0; label < headers.size(); label++) {
            ColumnProfile l = profiles.get(label);
            if (label != code && l.labels() >= SHARE && l.distinct() == p.distinct() && oneToOne(rows, code, label)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /** Profiles with the amount evidence of code columns that have a label column set to "identifier". */
    static List<ColumnProfile> marked(List<String> headers, List<ColumnProfile> profiles, List<DataRow> rows) {
        return IntStream.range(0, profiles.size()).mapToObj(i -> labelOf(i, headers, profiles, rows)
                .map(label -> profiles.get(i).asIdentifiers("repeats in step with '" + headers.get(label)
                        + "': the code of its labels"))
                .orElse(profiles.get(i))).toList();
    }

    /**
     * The same labels in two languages: headers alike but for a language tag ({@code priorityEn} / {@code priorityGe},
     * {@code name_en} / {@code name_ka}) over label columns that repeat in step, each value of one always beside the
     * same value of the other. Either groups the budgets the same way, so choosing is no question.
     */
    static boolean sameLabels(List<String> headers, List<DataRow> rows, List<ColumnProfile> profiles, int ia,
                              int ib) {
        ColumnProfile a = profiles.get(ia);
        ColumnProfile b = profiles.get(ib);
        return languageVariants(HeaderNames.normalize(headers.get(ia)), HeaderNames.normalize(headers.get(ib)))
                && a.values() >= MIN_ROWS && a.distinct() == b.distinct() && a.distinct() >= 2
                && a.distinct() <= SHARE * a.values() && a.labels() >= SHARE && b.labels() >= SHARE
                && oneToOne(rows, ia, ib);
    }

    /** The same words but for one short tag each ("priority en", "priority ge"). */
    private static boolean languageVariants(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length || x.length < 2) {
            return false;
        }
        int differ = 0;
        for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[i])) {
                differ++;
                if (!isTag(x[i]) || !isTag(y[i])) {
                    return false;
                }
            }
        }
        return differ == 1;
    }

    /** A few letters: "Level 1" and "Level 2" are two levels, not one in two languages. */
    private static boolean isTag(String word) {
        return word.length() <= LANGUAGE_TAG && word.chars().allMatch(Character::isLetter);
    }

    /** How many different code values the column holds: one amount repeated down a column is no set of codes. */
    private static long distinctCodes(List<DataRow> rows, int column) {
        List<String> values = rows.stream().map(r -> r.cell(column).strip()).filter(v -> !v.isEmpty()).toList();
        String words = ColumnProfile.constantWords(values);
        return values.stream().map(v -> words == null ? v : v.substring(words.length()).strip())
                .filter(ColumnProfile::isCode).distinct().count();
    }

    private static boolean oneToOne(List<DataRow> rows, int a, int b) {
        return ParentLevels.determines(rows, a, b) && ParentLevels.determines(rows, b, a);
    }
}
