package com.budgetsync.normalize;

import java.util.Locale;

/**
 * Recognises subtotal and grand-total labels ("Total", "Grand Total", "Subtotal Engineering", "Engineering Total",
 * "Total:") so their sums are not imported twice. "Total Rewards" (a real HR department) is not a total.
 */
public final class TotalRows {
    private TotalRows() {
    }

    public static boolean isTotal(String label) {
        if (label == null || label.length() < 5) {
            return false;
        }
        String s = label.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace(':', ' ').strip();
        return s.equals("total") || s.equals("totals") || s.startsWith("grand total") || s.startsWith("subtotal")
                || s.startsWith("sub total") || s.endsWith(" total") || s.endsWith(" totals")
                || s.startsWith("total for ") || s.startsWith("total ") && s.endsWith(")");
    }
}
