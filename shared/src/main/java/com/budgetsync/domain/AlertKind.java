package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an alert is about (docs/operations.md#alerts says what each means and what to do). */
public enum AlertKind {
    /** The last successful import is older than the config's freshness limit. */
    STALE,
    /** A stale config imported again. */
    RECOVERED,
    /** No file arrived by the time the config expects its export. */
    LATE_FILE,
    /** Failed runs in a row reached the warning threshold. */
    FAILING,
    /** Failed runs in a row reached the pause threshold: the config's schedule is stopped. */
    PAUSED,
    /** Runs held for review in a row reached the warning threshold (never pauses). */
    REVIEW_STREAK,
    /** A run took longer than the config's limit. */
    SLOW_RUN,
    /** A partial run had more rows in error than the config's limit. */
    ERROR_RATE,
    /** A budget's utilization reached one of its customer's thresholds (80% and 100% unless set). */
    BUDGET_THRESHOLD,
    /** A reservation went over its budget under the notify policy (allowed, and said). */
    OVER_BUDGET;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
