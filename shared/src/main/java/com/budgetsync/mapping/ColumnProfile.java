package com.budgetsync.mapping;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import com.budgetsync.normalize.AmountParser;
import com.budgetsync.normalize.CurrencyCodes;
import com.budgetsync.normalize.FiscalPeriodParser;
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
record ColumnProfile(int values, int distinct, double periods, double years, double bareYears, double parts,
                     double amounts, double currencies, double labels, double codes, AmountEvidence identifiers) {
    /** A code ("10010") is weaker evidence of a label column than text: budget amounts are digits too. */
    private static final double CODE_WEIGHT = 0.8;

    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);

    static ColumnProfile of(List<String> values) {
        int periods = 0;
        int years = 0;
        int bareYears = 0;
        int parts = 0;
        int amounts = 0;
        int currencies = 0;
        int labels = 0;
        int codes = 0;
        Set<String> distinct = new HashSet<>();
        for (String value : values) {
            distinct.add(value);
            Optional<FiscalPeriod> period = PERIODS.parse(value);
            boolean amount = AmountParser.parse(value).isPresent();
            boolean currency = CurrencyCodes.parse(value).isPresent();
            boolean part = period.isEmpty() && isPeriodPart(value);
            periods += period.isPresent() ? 1 : 0;
            years += period.filter(p -> p.type() == PeriodType.YEAR).isPresent() ? 1 : 0;
            bareYears += period.isPresent() && amount ? 1 : 0;
            parts += part ? 1 : 0;
            amounts += amount ? 1 : 0;
            currencies += currency ? 1 : 0;
            labels += period.isEmpty() && !part && !amount && !currency
                    && value.chars().anyMatch(Character::isLetter) ? 1 : 0;
            codes += period.isEmpty() && value.length() >= 2 && value.chars().allMatch(Character::isDigit) ? 1 : 0;
        }
        double n = Math.max(1, values.size());
        return new ColumnProfile(values.size(), distinct.size(), periods / n, years / n, bareYears / n, parts / n,
                amounts / n, currencies / n, labels / n, codes / n, AmountEvidence.of(values));
    }

    /** The same values, known (from another column they repeat in step with) to be identifiers. */
    ColumnProfile asIdentifiers(String why) {
        return new ColumnProfile(values, distinct, periods, years, bareYears, parts, amounts, currencies, labels, codes,
                new AmountEvidence(1, why));
    }

    /** "Jan", "Q1", "M01": a period once a year is put in front of it. */
    static boolean isPeriodPart(String value) {
        return PERIODS.parse("FY2000 " + value).filter(p -> p.type() != PeriodType.YEAR).isPresent();
    }

    /** How well the values fit a field, 0..1; NaN without values. */
    double fit(TargetField field) {
        if (values == 0) {
            return Double.NaN;
        }
        return switch (field) {
            case FISCAL_PERIOD -> periods;
            // A column of bare years ("2025") parses as amounts too; it is a period column far more often.
            // Identifiers are digits too; their evidence takes the amount share down.
            case AMOUNT -> (amounts - 0.7 * bareYears) * (1 - identifiers.identifier());
            case CURRENCY -> currencies;
            case DEPARTMENT, SUB_CATEGORY -> (values >= 4 && distinct == 1 ? 0.5 : 1) * (labels + CODE_WEIGHT * codes);
        };
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
