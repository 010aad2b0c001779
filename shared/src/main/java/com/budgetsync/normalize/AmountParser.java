package com.budgetsync.normalize;

import java.math.BigDecimal;
import java.util.Optional;

/** First version: plain and thousands-separated amounts, parentheses and minus for negatives, a leading '$'. */
public final class AmountParser {
    private AmountParser() {
    }

    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).trim();
        }
        s = s.replace("$", "").replace(",", "").trim();
        try {
            BigDecimal value = new BigDecimal(s);
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
