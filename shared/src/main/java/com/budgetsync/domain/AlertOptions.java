package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A config's alert settings ({@code options.alerts}); each may be left out for its default. Read back like
 * {@link ConfigOptions}: a stored value that cannot be read throws naming the option, never falls back silently.
 *
 * @param staleAfterHours    data is stale when the last successful import is older (default: twice the schedule's
 *                           longest interval, at least 8 hours; configs without a schedule: never)
 * @param expectedBy         "HH:mm" in the config's time zone: the day's export should have arrived by then; none by
 *                           default
 * @param expectedOn         "daily" (default) or "weekdays": the days {@code expectedBy} applies to
 * @param warnAfterFailures  failed runs in a row that raise {@code failing} (default 3; 0 = never)
 * @param pauseAfterFailures failed runs in a row that pause the config (default 10; 0 = never)
 * @param warnAfterReviews   needs-review runs in a row that raise {@code review_streak} (default 3; 0 = never)
 * @param slowRunMinutes     a run longer than this raises {@code slow_run} (default 5)
 * @param errorRate          a partial run with more than this share of rows in error raises {@code error_rate}
 *                           (default 0.05)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertOptions(Double staleAfterHours, String expectedBy, String expectedOn, Integer warnAfterFailures,
                           Integer pauseAfterFailures, Integer warnAfterReviews, Double slowRunMinutes,
                           Double errorRate) {
    public static final AlertOptions DEFAULTS = new AlertOptions(null, null, null, null, null, null, null, null);

    public int warnAfterFailuresOrDefault() {
        return count("warnAfterFailures", warnAfterFailures, 3);
    }

    public int pauseAfterFailuresOrDefault() {
        return count("pauseAfterFailures", pauseAfterFailures, 10);
    }

    public int warnAfterReviewsOrDefault() {
        return count("warnAfterReviews", warnAfterReviews, 3);
    }

    public double slowRunMinutesOrDefault() {
        if (slowRunMinutes == null) {
            return 5;
        }
        if (slowRunMinutes <= 0) {
            throw unreadable("slowRunMinutes", String.valueOf(slowRunMinutes), "must be more than 0");
        }
        return slowRunMinutes;
    }

    public double errorRateOrDefault() {
        if (errorRate == null) {
            return 0.05;
        }
        if (errorRate < 0 || errorRate > 1) {
            throw unreadable("errorRate", String.valueOf(errorRate), "must be a fraction from 0 to 1");
        }
        return errorRate;
    }

    /** Null when the config sets none (the default then depends on its schedule). */
    public Double staleAfterHoursOrNull() {
        if (staleAfterHours != null && staleAfterHours <= 0) {
            throw unreadable("staleAfterHours", String.valueOf(staleAfterHours), "must be more than 0");
        }
        return staleAfterHours;
    }

    /** Null when no time is expected. */
    public LocalTime expectedByOrNull() {
        if (expectedBy == null) {
            return null;
        }
        try {
            return LocalTime.parse(expectedBy.trim());
        } catch (DateTimeParseException e) {
            throw unreadable("expectedBy", "\"" + expectedBy + "\"", "must be a time of day as HH:mm, e.g. 07:00");
        }
    }

    /** Whether the expected time applies on {@code day}. */
    public boolean expectedOn(DayOfWeek day) {
        if (expectedOn == null || expectedOn.trim().equalsIgnoreCase("daily")) {
            return true;
        }
        if (expectedOn.trim().equalsIgnoreCase("weekdays")) {
            return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
        }
        throw unreadable("expectedOn", "\"" + expectedOn + "\"", "must be daily or weekdays");
    }

    private static int count(String option, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw unreadable(option, String.valueOf(value), "must be 0 (never) or more");
        }
        return value;
    }

    private static IllegalArgumentException unreadable(String option, String shown, String allowed) {
        return new IllegalArgumentException("options.alerts." + option + " " + shown + " " + allowed);
    }
}
