package com.budgetsync.config;

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
final class CurrenciesInUse {
    static final Set<String> CODES = Stream.of(Locale.getAvailableLocales())
            .filter(locale -> locale.getCountry().length() == 2)
            .map(CurrenciesInUse::currencyOf)
            .filter(code -> code != null && !code.equals("XXX"))
            .collect(Collectors.toCollection(TreeSet::new));

    private CurrenciesInUse() {
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
