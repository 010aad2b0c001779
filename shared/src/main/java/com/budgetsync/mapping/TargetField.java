package com.budgetsync.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The budget fields a file's columns are mapped onto. */
public enum TargetField {
    DEPARTMENT("department", true),
    FISCAL_PERIOD("fiscalPeriod", true),
    AMOUNT("amount", true),
    SUB_CATEGORY("subCategory", false),
    CURRENCY("currency", false);

    private final String jsonName;
    private final boolean required;

    TargetField(String jsonName, boolean required) {
        this.jsonName = jsonName;
        this.required = required;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public boolean required() {
        return required;
    }

    @JsonCreator
    public static TargetField fromJson(String name) {
        return Arrays.stream(values())
                .filter(f -> f.jsonName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name
                        + "'; allowed: department, fiscalPeriod, amount, subCategory, currency"));
    }
}
