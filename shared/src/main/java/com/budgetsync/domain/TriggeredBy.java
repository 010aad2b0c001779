package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who started a run: a cron tick, a person in the UI/CLI, or an API client (upload, trigger). */
public enum TriggeredBy {
    CRON, MANUAL, API;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TriggeredBy fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
