package com.budgetsync.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A config's schedule: {@code hourly}, {@code every_4_hours} (default), {@code daily}, {@code manual}, or a standard
 * 5-field cron expression. Temporal's embedded server takes 5-field cron only (no {@code @every} nicknames). Which
 * cron expressions are allowed is decided once, at save time, by {@code config.ConfigValidator}.
 */
public final class Frequency {
    public static final String DEFAULT = "every_4_hours";
    public static final String MANUAL = "manual";
    private static final Map<String, String> NAMED = Map.of(
            "hourly", "0 * * * *",
            "every_4_hours", "0 */4 * * *",
            "daily", "0 6 * * *");

    private Frequency() {
    }

    /** The text to store: a name in lower case, a cron expression with single spaces, the default when blank. */
    public static String canonical(String frequency) {
        if (frequency == null || frequency.isBlank()) {
            return DEFAULT;
        }
        String value = frequency.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        return isNamed(lower) ? lower : String.join(" ", value.split("\\s+"));
    }

    /** hourly, every_4_hours, daily or manual. */
    public static boolean isNamed(String frequency) {
        return NAMED.containsKey(frequency) || MANUAL.equals(frequency);
    }

    /** The cron expression of a stored frequency; empty for manual. */
    public static Optional<String> cronOf(String frequency) {
        String value = canonical(frequency);
        if (value.equals(MANUAL)) {
            return Optional.empty();
        }
        return Optional.of(NAMED.getOrDefault(value, value));
    }
}
