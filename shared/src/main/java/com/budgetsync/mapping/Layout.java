package com.budgetsync.mapping;

import com.fasterxml.jackson.annotation.JsonValue;

/** Long: one row per budget. Wide: one row per department/sub-category with a column per period. */
public enum Layout {
    LONG, WIDE;

    @JsonValue
    public String jsonValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
