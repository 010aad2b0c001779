package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lifecycle of one sync run as recorded in {@code sync_history}. */
public enum SyncStatus {
    RUNNING, SUCCESS, PARTIAL, FAILED, NEEDS_REVIEW, SKIPPED, NO_NEW_FILE;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
