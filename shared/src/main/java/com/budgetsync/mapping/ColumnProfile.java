package com.budgetsync.mapping;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import com.budgetsync.normalize.AmountParser;
import com.budgetsync.normalize.CurrencyCodes;
import com.budgetsync.normalize.FiscalPeriodParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a column's sample values look like: shares of fiscal periods (and of whole years among them), of bare years
 * such as "2025" (which are amounts too), of amounts, currency codes, text labels, numeric codes ("10010", a cost
 * center), and of period parts — a month or quarter without its year ("Jan", "Q1"), as exports with a separate year
 * column write them.
 */
record ColumnProfile(int sampleRows, int values, int distinct, double periods, double years, double bareYears, double parts,
                     double amounts, double spread, double currencies, double labels, double codes,
                     AmountEvidence identifiers, boolean labelled) {
    /**
     * A code ("10010", "911A") is weaker evidence of a department or category column than a name: amounts are digits
     * too, and where a code column has its names beside it, the names are what a person reads.
     */
    private static final double CODE_WEIGHT = 0.6;
    private static final double MONEY = 0.8;
    private static final int MONEY_VALUES = 3;
    /** Orders of magnitude between the smallest and the largest amount. */
    private static final double MONEY_SPREAD = 2;
    private static final int MAX_CODE = 16;
    private static final int MAX_LABEL = 100;
    private static final int MAX_LABEL_WORDS = 12;

    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);

    /** The profile of a column's non-blank values among {@code sampleRows} data rows. */
    static ColumnProfile of(List<String> values, int sampleRows) {
        int periods = 0;
        int years = 0;
        int bareYears = 0;
        int parts = 0;
        int amounts = 0;
        List<BigDecimal> numbers = new ArrayList<>();
        int currencies = 0;
        int labels = 0;
        int codes = 0;
        Set<String> distinct = new HashSet<>();
        String words = constantWords(values);
        for (String value : values) {
            distinct.add(value);
            Optional<FiscalPeriod> period = PERIODS.parse(value);
            Optional<BigDecimal> number = AmountParser.parse(value);
            boolean amount = number.isPresent();
            number.ifPresent(numbers::add);
            boolean currency = CurrencyCodes.parse(value).isPresent();
            boolean part = period.isEmpty() && isPeriodPart(value);
            periods += period.isPresent() ? 1 : 0;
            years += period.filter(p -> p.type() == PeriodType.YEAR).isPresent() ? 1 : 0;
            bareYears += period.isPresent() && amount ? 1 : 0;
            parts += part ? 1 : 0;
            // A date parses as a number; it is no amount.
            amounts += amount && period.filter(p -> p.type() != PeriodType.YEAR).isEmpty() ? 1 : 0;
            currencies += currency ? 1 : 0;
            boolean code = period.isEmpty() && isCode(words == null ? value : value.substring(words.length()).strip());
            codes += code ? 1 : 0;
            labels += period.isEmpty() && !part && !amount && !currency && !code && isLabel(value) ? 1 : 0;
        }
        double n = Math.max(1, values.size());
        return new ColumnProfile(sampleRows, values.size(), distinct.size(), periods / n, years / n, bareYears / n, parts / n,
                amounts / n, AmountEvidence.spread(numbers), currencies / n, labels / n, codes / n,
                AmountEvidence.of(values), false);
    }

    /**
     * The words every value starts with when each is those words and a code ("Produktbereich 01", "Fund 100",
     * "Org 1200"): words repeated on every row say nothing, so the column is a column of codes. Null otherwise.
     */
    static String constantWords(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        int end = first.length();
        while (end > 0 && !Character.isWhitespace(first.charAt(end - 1))) {
            end--;
        }
        String words = first.substring(0, end).strip();
        if (words.isEmpty() || !words.chars().allMatch(c -> Character.isLetter(c) || Character.isWhitespace(c))) {
            return null;
        }
        Set<String> codes = new HashSet<>();
        for (String value : values) {
            if (!value.startsWith(words + " ") || !isCode(value.substring(words.length()).strip())) {
                return null;
            }
            codes.add(value.substring(words.length()).strip());
        }
        return codes.size() >= 2 ? words : null;
    }

    /** The same values, known (from the label column they repeat in step with) to be identifiers. */
    ColumnProfile asIdentifiers(String why) {
        return new ColumnProfile(sampleRows, values, distinct, periods, years, bareYears, parts, amounts, spread, currencies,
                labels, codes, new AmountEvidence(1, why), true);
    }

    /**
     * An identifier as exports write them: one token of digits with a few letters or separators ("10010", "911A",
     * "E100", "01-01", "1.1.2", and "4.0" — an integer code saved through a spreadsheet).
     */
    static boolean isCode(String value) {
        if (value.length() > MAX_CODE || value.isEmpty()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (!Character.isLetter(c) && ".-/_".indexOf(c) < 0) {
                return false;
            }
        }
        return digits > 0 && digits * 2 >= value.length();
    }

    /**
     * A name: words, not a one- or two-letter code ("P", "G"), nor free text (a sentence or a paragraph, as
     * description columns hold), which names no department or category.
     */
    static boolean isLabel(String value) {
        // Two Han, kana or Hangul characters are a whole name (総務, 국방); two Latin letters are a code.
        if (!value.chars().anyMatch(Character::isLetter)
                || value.length() < 3 && value.indexOf(' ') < 0 && !value.codePoints().allMatch(ColumnProfile::isCjk)) {
            return false;
        }
        return value.length() <= MAX_LABEL && value.split("\\s+").length <= MAX_LABEL_WORDS;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** "Jan", "Q1", "M01": a period once a year is put in front of it. */
    static boolean isPeriodPart(String value) {
        return PERIODS.parse("FY2000 " + value).filter(p -> p.type() != PeriodType.YEAR).isPresent();
    }

    /** How well the values fit a field, 0..1; 0 for an empty column, NaN when the whole sample is empty. */
    double fit(TargetField field) {
        if (values == 0) {
            return sampleRows == 0 ? Double.NaN : 0;
        }
        return switch (field) {
            case FISCAL_PERIOD -> periods;
            // A column of bare years ("2025") parses as amounts too; it is a period column far more often.
            // Identifiers are digits too; their evidence takes the amount share down.
            case AMOUNT -> amountFit(false);
            case CURRENCY -> currencies;
            case DEPARTMENT, SUB_CATEGORY -> labels + (money() ? 0 : CODE_WEIGHT * codes);
        };
    }

    /**
     * Numbers that read as money, not as codes: amounts spread over orders of magnitude, with no identifier evidence (no
     * leading zeros, no sequence, not all below 1,000). Such a column ("ZAT_AMT", "PLANS_AMT") holds no one's name or
     * code; organisation codes ("1000", "1100", "2300") stay within one order of magnitude.
     */
    private boolean money() {
        return amounts >= MONEY && spread >= MONEY_SPREAD && distinct >= MONEY_VALUES && identifiers.identifier() == 0;
    }

    /**
     * How well the values fit an amount. Under a header in the amount's own words ({@code namedAmount}) only sure
     * identifier evidence (leading zeros, a sequence, in step with labels) counts: a sample of budgets of one width is
     * no code column because of that alone.
     */
    double amountFit(boolean namedAmount) {
        if (values == 0) {
            return sampleRows == 0 ? Double.NaN : 0;
        }
        double identifier = namedAmount && identifiers.identifier() < 1 ? 0 : identifiers.identifier();
        return (amounts - 0.7 * bareYears) * (1 - identifier);
    }

    /** A one-line account of the evidence, for the mapping's reason. */
    String describe(TargetField field) {
        if (values == 0) {
            return "no sample values";
        }
        return switch (field) {
            case FISCAL_PERIOD -> percent(periods) + " of values are fiscal periods";
            case AMOUNT -> percent(amounts) + " of values are amounts" + (bareYears > 0.5 ? " (but look like years)" : "")
                    + (identifiers.why() == null ? "" : ", but " + identifiers.why());
            case CURRENCY -> percent(currencies) + " of values are ISO currency codes";
            case DEPARTMENT, SUB_CATEGORY -> percent(labels) + " of values are text labels"
                    + (codes > 0 ? ", " + percent(codes) + " numeric codes" : "") + " (" + distinct + " distinct)";
        };
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
