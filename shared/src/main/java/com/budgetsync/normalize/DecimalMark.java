package com.budgetsync.normalize;

import java.util.Collection;

/**
 * Which character separates decimals in a column's amounts. {@code 1,234} reads as one thousand two hundred
 * thirty-four in a US file but as 1.234 in a European one: the column's other values decide, and UNKNOWN reads the
 * US way.
 */
public enum DecimalMark {
    DOT, COMMA, UNKNOWN;

    /** The mark the unambiguous values of a column agree on ({@code 1.234,50} votes COMMA, {@code 1,234.50} DOT). */
    public static DecimalMark detect(Collection<String> values) {
        int dot = 0;
        int comma = 0;
        for (String value : values) {
            switch (AmountParser.evidentMark(value)) {
                case DOT -> dot++;
                case COMMA -> comma++;
                default -> {
                }
            }
        }
        if (comma > dot) {
            return COMMA;
        }
        return dot > 0 ? DOT : UNKNOWN;
    }
}
