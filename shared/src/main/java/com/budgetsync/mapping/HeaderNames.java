package com.budgetsync.mapping;

import java.text.Normalizer;
import java.util.Locale;

/** Normalises header text so that "Budget_Amount", "budgetAmount" and "Budget Amount " compare equal. */
public final class HeaderNames {
    private HeaderNames() {
    }

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String s = header.replaceAll("([a-z])([A-Z])", "$1 $2");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return s;
    }
}
