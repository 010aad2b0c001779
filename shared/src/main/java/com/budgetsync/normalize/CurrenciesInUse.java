package com.budgetsync.normalize;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ISO 4217 codes that are some country's money today: the currencies of the JDK's country locales. That leaves out
 * what {@link Currency} also knows but nobody budgets in: withdrawn codes (DEM, FRF), funds (CLF, USN), precious
 * metals (XAU), testing and "no currency" codes (XTS, XXX), bond-market units (XBA).
 */
public final class CurrenciesInUse {
    public static final Set<String> CODES = Stream.of(Locale.getAvailableLocales())
            .filter(locale -> locale.getCountry().length() == 2)
            .map(CurrenciesInUse::currencyOf)
            .filter(code -> code != null && !code.equals("XXX"))
            .collect(Collectors.toCollection(TreeSet::new));

    private CurrenciesInUse() {
    }

    /** Why a budget cannot be in {@code code} (known to ISO 4217 but nobody's money), in a row error's words. */
    public static String notInUse(String code) {
        return code + " is not a currency in use (a testing, \"no currency\", fund, precious-metal or withdrawn"
                + " code); give the code of the money the budget is in";
    }

    private static String currencyOf(Locale locale) {
        try {
            Currency currency = Currency.getInstance(locale);
            return currency == null ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException noCurrencyForCountry) {
            return null;
        }
    }
}
