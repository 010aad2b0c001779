package com.budgetsync.normalize;

/** Customer and config settings that give values their meaning. */
public record NormalizeOptions(int fiscalYearStartMonth, String defaultCurrency) {
    public static final NormalizeOptions DEFAULT = new NormalizeOptions(1, "USD");
}
