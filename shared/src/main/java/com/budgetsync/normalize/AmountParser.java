package com.budgetsync.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads amounts as finance exports write them: {@code 500000}, {@code 500,000.00}, {@code $1,234.50},
 * {@code €1.234,50}, {@code 1 234,50} (also with non-breaking or thin spaces), {@code 1'234.50}, {@code (1,000)} and
 * {@code -1000} for negatives, {@code 1,000 USD}. BigDecimal only: budgets must add up to the cent. Scans characters
 * instead of using regular expressions because it runs once per cell of a million-row file.
 */
public final class AmountParser {
    private static final Map<Character, String> SYMBOLS = Map.of('$', "USD", '€', "EUR", '£', "GBP", '¥', "JPY",
            '₹', "INR", '₩', "KRW", '₽', "RUB", '₺', "TRY", '₪', "ILS");
    private static final Map<String, String> DOLLAR_PREFIXES = Map.of("US", "USD", "C", "CAD", "CA", "CAD", "A", "AUD",
            "AU", "AUD", "NZ", "NZD", "HK", "HKD", "S", "SGD", "R", "BRL", "MX", "MXN");

    private AmountParser() {
    }

    public static Optional<BigDecimal> parse(String text) {
        return parse(text, DecimalMark.UNKNOWN).map(ParsedAmount::value);
    }

    public static Optional<ParsedAmount> parse(String text, DecimalMark mark) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.trim();
        // Fast path for the common "1234.50"; in a decimal-comma column "1.234" is one thousand two hundred thirty-four.
        if (isPlainDecimal(plain) && (mark != DecimalMark.COMMA || plain.indexOf('.') < 0)) {
            return Optional.of(new ParsedAmount(new BigDecimal(plain), null));
        }
        Scan scan = scan(plain);
        if (scan == null || scan.number.isEmpty()) {
            return Optional.empty();
        }
        String number = canonical(scan.number, mark);
        if (number == null) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(number);
        return Optional.of(new ParsedAmount(scan.negative ? value.negate() : value, scan.currency));
    }

    /** The decimal mark a value shows beyond doubt, or UNKNOWN ({@code 1,234} could be either). */
    static DecimalMark evidentMark(String text) {
        Scan scan = text == null ? null : scan(text.trim());
        if (scan == null) {
            return DecimalMark.UNKNOWN;
        }
        String n = scan.number;
        int dot = n.lastIndexOf('.');
        int comma = n.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            return dot > comma ? DecimalMark.DOT : DecimalMark.COMMA;
        }
        int last = Math.max(dot, comma);
        if (last < 0) {
            return DecimalMark.UNKNOWN;
        }
        char separator = n.charAt(last);
        boolean repeated = n.indexOf(separator) != last;
        boolean decimal = !repeated && n.length() - last - 1 != 3;
        if (!repeated && !decimal) {
            return DecimalMark.UNKNOWN;
        }
        return (separator == '.') == decimal ? DecimalMark.DOT : DecimalMark.COMMA;
    }

    private static boolean isPlainDecimal(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        boolean dot = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot && i > start && i < s.length() - 1) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Splits a cell into sign, currency and the digits with their separators; null when other text is in it. */
    private static Scan scan(String s) {
        StringBuilder number = new StringBuilder(s.length());
        StringBuilder letters = new StringBuilder();
        String currency = null;
        boolean negative = false;
        boolean open = false;
        int signs = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(Character.toUpperCase(c));
                continue;
            }
            if (!letters.isEmpty()) {
                if (c == '$' && DOLLAR_PREFIXES.containsKey(letters.toString())) {
                    currency = DOLLAR_PREFIXES.get(letters.toString());
                    letters.setLength(0);
                    continue;
                }
                currency = code(letters, currency);
                if (currency == null) {
                    return null;
                }
            }
            if (c >= '0' && c <= '9' || c == '.' || c == ',') {
                number.append(c);
            } else if (SYMBOLS.containsKey(c)) {
                currency = currency == null ? SYMBOLS.get(c) : currency;
            } else if (c == '-' || c == '\u2212' || c == '+') {
                // A sign stands before or after the number ("-1000", "1000-"), never inside it ("01-01" is a code),
                // and once: "--5" or "+-5" is a typo, not an amount.
                if (!number.isEmpty() && hasDigitAfter(s, i) || ++signs > 1) {
                    return null;
                }
                negative = c != '+';
            } else if (c == '(' && number.isEmpty() && signs == 0) {
                open = true;
                signs++;
            } else if (c == ')' && open) {
                negative = true;
                open = false;
            } else if (!(Character.isSpaceChar(c) || Character.isWhitespace(c) || c == '\'' || c == '’')) {
                return null;
            }
        }
        if (!letters.isEmpty()) {
            currency = code(letters, currency);
            if (currency == null) {
                return null;
            }
        }
        return open ? null : new Scan(number.toString(), negative, currency);
    }

    private static boolean hasDigitAfter(String s, int index) {
        for (int i = index + 1; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Letters in an amount must be an ISO 4217 code; null when they are not. */
    private static String code(StringBuilder letters, String current) {
        Optional<String> code = CurrencyCodes.parse(letters.toString());
        letters.setLength(0);
        if (code.isEmpty()) {
            return null;
        }
        return current == null ? code.get() : current;
    }

    /** Digits with '.' as the only separator, or null when the separators make no sense. */
    private static String canonical(String n, DecimalMark mark) {
        int dot = n.lastIndexOf('.');
        int comma = n.lastIndexOf(',');
        char decimal;
        if (dot >= 0 && comma >= 0) {
            decimal = dot > comma ? '.' : ',';
        } else if (dot < 0 && comma < 0) {
            return n;
        } else {
            char separator = dot >= 0 ? '.' : ',';
            int last = Math.max(dot, comma);
            boolean repeated = n.indexOf(separator) != last;
            boolean groupOfThree = n.length() - last - 1 == 3;
            if (repeated) {
                decimal = separator == '.' ? ',' : '.';
            } else if (!groupOfThree) {
                decimal = separator;
            } else {
                decimal = switch (mark) {
                    case COMMA -> ',';
                    default -> '.';
                };
            }
        }
        char grouping = decimal == '.' ? ',' : '.';
        if (!groupedInThrees(n, grouping, decimal)) {
            return null;
        }
        StringBuilder out = new StringBuilder(n.length());
        boolean seenDecimal = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == grouping) {
                if (seenDecimal || i == 0) {
                    return null;
                }
            } else if (c == decimal) {
                if (seenDecimal) {
                    return null;
                }
                seenDecimal = true;
                out.append('.');
            } else {
                out.append(c);
            }
        }
        String result = out.toString();
        return result.isEmpty() || result.equals(".") ? null : result;
    }

    /**
     * Whether grouping separators split the whole part into groups as people write them: 1 to 3 digits first, then
     * groups of 3 (or of 2 before the last 3, as in India's 1,00,000). "1.2.3" is not a number with separators.
     */
    private static boolean groupedInThrees(String n, char grouping, char decimal) {
        int end = n.indexOf(decimal);
        String whole = end < 0 ? n : n.substring(0, end);
        if (whole.indexOf(grouping) < 0) {
            return true;
        }
        String[] groups = whole.split(Pattern.quote(String.valueOf(grouping)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3 || groups[groups.length - 1].length() != 3) {
            return false;
        }
        for (int i = 1; i < groups.length - 1; i++) {
            if (groups[i].length() != 3 && groups[i].length() != 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the amount fits the budget table's {@code numeric(19, 4)}: at most 15 digits before the decimal mark.
     * A larger value is the file's error (a wrong column, a pasted account number), reported on its row.
     */
    public static boolean fitsStorage(BigDecimal amount) {
        return amount.abs().setScale(4, RoundingMode.HALF_UP).compareTo(STORAGE_LIMIT) < 0;
    }

    private static final BigDecimal STORAGE_LIMIT = BigDecimal.TEN.pow(15);

    private record Scan(String number, boolean negative, String currency) {
    }
}
