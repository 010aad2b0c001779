package com.budgetsync.normalize;

import java.util.Locale;

/**
 * Recognises subtotal and grand-total labels ("Total", "Grand Total", "Subtotal Engineering", "Engineering Total",
 * "Total:") so their sums are not imported twice. "Total Rewards" (a real HR department) is not a total.
 */
public final class TotalRows {
    private static final String WORD = "total";

    private TotalRows() {
    }

    public static boolean isTotal(String label) {
        // every total label contains "total": most labels are rejected here, without the copies below
        if (label == null || !containsTotal(label)) {
            return false;
        }
        String s = label.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace(':', ' ').strip();
        return s.equals("total") || s.equals("totals") || s.startsWith("grand total") || s.startsWith("subtotal")
                || s.startsWith("sub total") || s.endsWith(" total") || s.endsWith(" totals")
                || s.startsWith("total for ") || s.startsWith("total ") && s.endsWith(")");
    }

    /** "total" in any case: only ASCII letters lower-case to t, o, a and l, so this agrees with toLowerCase. */
    private static boolean containsTotal(String label) {
        for (int i = label.length() - WORD.length(); i >= 0; i--) {
            if (label.regionMatches(true, i, WORD, 0, WORD.length())) {
                return true;
            }
        }
        return false;
    }
}
