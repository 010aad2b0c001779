package com.budgetsync.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A config's schedule: {@code hourly}, {@code every_4_hours} (default), {@code daily}, {@code manual}, or a standard
 * 5-field cron expression. Temporal's embedded server takes 5-field cron only (no {@code @every} nicknames).
 */
public final class Frequency {
    public static final String DEFAULT = "every_4_hours";
    public static final String MANUAL = "manual";
    private static final Map<String, String> NAMED = Map.of(
            "hourly", "0 * * * *",
            "every_4_hours", "0 */4 * * *",
            "daily", "0 6 * * *");
    private static final Pattern FIELD = Pattern.compile("^(\\*|\\d+(-\\d+)?)(/\\d+)?(,(\\*|\\d+(-\\d+)?)(/\\d+)?)*$");
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private Frequency() {
    }

    /** The canonical frequency text, or an IllegalArgumentException naming the allowed values. */
    public static String validate(String frequency) {
        String value = frequency == null || frequency.isBlank() ? DEFAULT : frequency.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (NAMED.containsKey(lower) || lower.equals(MANUAL)) {
            return lower;
        }
        String[] fields = value.split("\\s+");
        if (fields.length != 5) {
            throw invalid(value);
        }
        for (int i = 0; i < 5; i++) {
            if (!FIELD.matcher(fields[i]).matches() || !inRange(fields[i], RANGES[i])) {
                throw invalid(value);
            }
        }
        return String.join(" ", fields);
    }

    /** The cron expression of a frequency; empty for manual. */
    public static Optional<String> cronOf(String frequency) {
        String value = validate(frequency);
        if (value.equals(MANUAL)) {
            return Optional.empty();
        }
        return Optional.of(NAMED.getOrDefault(value, value));
    }

    private static boolean inRange(String field, int[] range) {
        for (String number : field.split("[^0-9]+")) {
            if (!number.isEmpty()) {
                int n = Integer.parseInt(number);
                boolean isStep = field.contains("/" + number);
                if (!isStep && (n < range[0] || n > range[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("unknown frequency '" + value + "'; allowed: hourly, every_4_hours, daily,"
                + " manual, or a 5-field cron expression such as \"*/15 * * * *\"");
    }
}
