package com.budgetsync.api.views;

import java.math.BigDecimal;

/**
 * Budget files are untrusted input, and the CSV budget-sync writes out is opened in Excel or Sheets, where a cell
 * starting with {@code = + - @} (or a tab or carriage return) runs as a formula (CSV injection). Such a cell is
 * prefixed with {@code '}, which the spreadsheet shows as text; a plain number such as {@code -5} is left alone.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || isNumber(value)) {
            return value;
        }
        return "'" + value;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
