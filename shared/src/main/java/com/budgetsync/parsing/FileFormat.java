package com.budgetsync.parsing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum FileFormat {
    CSV, XLSX, XLS;

    @JsonValue
    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
