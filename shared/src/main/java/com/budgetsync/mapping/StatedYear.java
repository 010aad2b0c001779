package com.budgetsync.mapping;

import java.util.Optional;

/**
 * A fiscal year the file states once instead of in a column: in its name ({@code budget_2018.csv},
 * {@code plan FY24.xlsx}), in a title row above the header, or — when the file says nothing — in the config's
 * {@code fiscalYear} option. Searched in that order; {@code where} says which, for the reason.
 */
record StatedYear(String period, String where, double confidence) {
    /** A year the file itself states is strong evidence; one from the config is the customer's own word. */
    private static final double FROM_FILE = 0.9;

    static Optional<StatedYear> find(FileContext context, Integer configYear) {
        Optional<StatedYear> fromName = Optional.ofNullable(context.filename())
                .map(StatedYear::withoutExtension)
                .flatMap(PeriodText::findYear)
                .map(p -> new StatedYear(p.period().canonical(), "the file name '" + context.filename() + "'", FROM_FILE));
        if (fromName.isPresent()) {
            return fromName;
        }
        for (String title : context.titleRows()) {
            Optional<PeriodText> year = PeriodText.findYear(title);
            if (year.isPresent()) {
                return Optional.of(new StatedYear(year.get().period().canonical(), "the title row '" + title + "'",
                        FROM_FILE));
            }
        }
        return Optional.ofNullable(configYear)
                .map(y -> new StatedYear("FY" + y, "the config's fiscalYear option (" + y + ")", 1.0));
    }

    private static String withoutExtension(String filename) {
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String name = filename.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
