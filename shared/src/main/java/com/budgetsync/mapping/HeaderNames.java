package com.budgetsync.mapping;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises header text so that "Budget_Amount", "budgetAmount", "BUDGET-AMOUNT" and "Budget Amount " compare equal.
 * Accents go ("Département" = "departement"); letters of every script stay ("Бюджет", "예산", "预算").
 */
public final class HeaderNames {
    private static final Pattern CAMEL = Pattern.compile("(\\p{Ll})(\\p{Lu})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private HeaderNames() {
    }

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String s = CAMEL.matcher(header).replaceAll("$1 $2");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        // Recompose what dropping marks left decomposed (Hangul syllables).
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
