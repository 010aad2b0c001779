package com.budgetsync.mapping;

import com.budgetsync.normalize.AmountParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells numeric identifiers (org codes, account numbers, row ids, program numbers) from amounts by their values.
 * Identifiers are whole numbers written bare: with leading zeros, of one fixed width, or running in sequence. Amounts
 * carry decimals or thousands separators, end in round hundreds, or spread over orders of magnitude. The result is
 * how sure the values make it that the column is an identifier (0..1), with the reason.
 */
record AmountEvidence(double identifier, String why) {
    static final AmountEvidence NONE = new AmountEvidence(0, null);
    private static final double SHARE = 0.8;
    private static final int MIN_VALUES = 3;
    private static final BigDecimal SMALL = BigDecimal.valueOf(1000);
    /**
     * Weaker than a code's evidence: a budget in millions may be small whole numbers, and its amount-named header
     * still carries it ("Value" over 12, 450, 87 imports); an unreadable header over them does not rival real money.
     */
    private static final double SMALL_NUMBERS = 0.45;

    static AmountEvidence of(List<String> values) {
        List<String> numbers = new ArrayList<>();
        List<BigDecimal> parsed = new ArrayList<>();
        for (String v : values) {
            AmountParser.parse(v).ifPresent(amount -> {
                numbers.add(v);
                parsed.add(amount);
            });
        }
        if (numbers.size() < MIN_VALUES) {
            return NONE;
        }
        int bare = 0;
        int leadingZeros = 0;
        int formatted = 0;
        int round = 0;
        for (String v : numbers) {
            boolean digitsOnly = v.chars().allMatch(Character::isDigit);
            bare += digitsOnly ? 1 : 0;
            leadingZeros += digitsOnly && v.length() > 1 && v.charAt(0) == '0' ? 1 : 0;
            formatted += !digitsOnly && v.chars().anyMatch(c -> c == '.' || c == ',' || c == ' ' || c == '\u00A0')
                    || v.startsWith("-") || v.startsWith("(") ? 1 : 0;
            round += v.length() >= 3 && v.endsWith("00") ? 1 : 0;
        }
        double n = numbers.size();
        if (formatted / n > 1 - SHARE || bare / n < SHARE) {
            return NONE;
        }
        if (leadingZeros / n >= 0.2) {
            return new AmountEvidence(1, percent(leadingZeros / n) + " of values have leading zeros: identifiers");
        }
        if (inSequence(parsed)) {
            return new AmountEvidence(1, "values run in sequence: a row number or index");
        }
        if (round / n >= 0.5) {
            return NONE;
        }
        // Money spreads into the thousands somewhere in a sample; whole numbers that never reach 1,000 are counts,
        // ranks or codes more often than amounts (a budget in millions still carries decimals somewhere).
        if (parsed.stream().allMatch(v -> v.abs().compareTo(SMALL) < 0)
                && numbers.stream().distinct().count() >= MIN_VALUES) {
            return new AmountEvidence(SMALL_NUMBERS, "whole numbers below 1,000 only: counts or codes more likely than money");
        }
        // Codes differ from row to row; one amount repeated (a flat monthly budget) is no code.
        if (sameWidth(numbers) && numbers.get(0).length() >= 3 && spread(parsed) < 1
                && numbers.stream().distinct().count() >= MIN_VALUES) {
            return new AmountEvidence(0.7, "whole numbers of one width (" + numbers.get(0).length()
                    + " digits) within one order of magnitude: codes");
        }
        return NONE;
    }

    /** Consecutive values one apart, up or down, in most of the rows. */
    private static boolean inSequence(List<BigDecimal> values) {
        int steps = 0;
        for (int i = 1; i < values.size(); i++) {
            BigDecimal step = values.get(i).subtract(values.get(i - 1)).abs();
            steps += step.compareTo(BigDecimal.ONE) == 0 ? 1 : 0;
        }
        return steps >= SHARE * (values.size() - 1);
    }

    private static boolean sameWidth(List<String> numbers) {
        return numbers.stream().mapToInt(String::length).distinct().count() == 1;
    }

    /** Orders of magnitude between the smallest and the largest non-zero value. */
    static double spread(List<BigDecimal> values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (BigDecimal v : values) {
            double a = Math.abs(v.doubleValue());
            if (a > 0) {
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        return max == 0 ? 0 : Math.log10(max / min);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
