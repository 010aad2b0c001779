package com.budgetsync.normalize;

/**
 * Customer and config settings that give values their meaning. A missing start month (0, as JSON without the field
 * gives) means January; a missing currency means USD.
 */
public record NormalizeOptions(int fiscalYearStartMonth, String defaultCurrency) {
    public static final NormalizeOptions DEFAULT = new NormalizeOptions(1, "USD");

    public NormalizeOptions {
        fiscalYearStartMonth = fiscalYearStartMonth == 0 ? 1 : fiscalYearStartMonth;
        defaultCurrency = defaultCurrency == null ? "USD" : defaultCurrency;
    }
}
