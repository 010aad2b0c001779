package com.budgetsync.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A config's schedule: {@code hourly}, {@code every_4_hours} (default), {@code daily}, {@code manual}, or a standard
 * 5-field cron expression. Temporal's embedded server takes 5-field cron only (no {@code @every} nicknames). Which
 * cron expressions are allowed is decided once, at save time, by {@code config.ConfigValidator}.
 *
 * <p>A named frequency runs at a minute offset derived from the config id, stable across restarts and processes, so a
 * fleet of configs on the same frequency is spread over the interval instead of all ticking at :00 and stampeding
 * the sources, the workers and the database. A cron expression runs exactly as written.
 */
public final class Frequency {
    public static final String DEFAULT = "every_4_hours";
    public static final String MANUAL = "manual";
    private static final Set<String> NAMED = Set.of("hourly", "every_4_hours", "daily");
    /** Daily runs start in this hour of the config's time zone, early enough for the working day. */
    private static final int DAILY_HOUR = 6;

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
        return NAMED.contains(frequency) || MANUAL.equals(frequency);
    }

    /** The cron expression of a stored frequency for this config; empty for manual. */
    public static Optional<String> cronOf(String frequency, long configId) {
        String value = canonical(frequency);
        long offset = spread(configId);
        return switch (value) {
            case MANUAL -> Optional.empty();
            case "hourly" -> Optional.of(offset % 60 + " * * * *");
            case "every_4_hours" -> Optional.of(offset % 60 + " " + hours(offset / 60 % 4) + " * * *");
            case "daily" -> Optional.of(offset % 60 + " " + DAILY_HOUR + " * * *");
            default -> Optional.of(value);
        };
    }

    /** The hours 0–23 that are {@code first} modulo 4, as a cron list ("1,5,9,13,17,21"). */
    private static String hours(long first) {
        return IntStream.iterate((int) first, h -> h < 24, h -> h + 4).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }

    /** A well-mixed non-negative number from the id (SplitMix64's finaliser), so neighbouring ids land far apart. */
    private static long spread(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
