package com.budgetsync.mapping;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises header text so that "Budget_Amount", "budgetAmount", "BUDGET-AMOUNT" and "Budget Amount " compare equal;
 * a number glued to a word stands apart ("admin3" is "admin 3").
 * Accents go ("Département" = "departement"); letters of every script stay ("Бюджет", "예산", "预算").
 */
public final class HeaderNames {
    private static final Pattern CAMEL = Pattern.compile("(\\p{Ll})(\\p{Lu})");
    /** "admin3" reads as "admin 3", "budget2024" as "budget 2024". */
    private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=\\p{L})(?=\\p{N})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private HeaderNames() {
    }

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String s = LETTER_DIGIT.matcher(CAMEL.matcher(header).replaceAll("$1 $2")).replaceAll(" ");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        // Recompose what dropping marks left decomposed (Hangul syllables).
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
