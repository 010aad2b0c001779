package com.budgetsync.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing wrong with a config: the field as the client names it ({@code options.duplicates}), the value as sent
 * (secrets shown only as {@code ********}; null when the field is missing), and what is allowed, phrased to follow
 * the value: {@code options.duplicates "summ" must be sum or error}.
 */
public record ConfigViolation(String field, String value, String allowed) {
    @JsonProperty
    public String message() {
        return value == null ? field + " " + allowed : field + " " + value + " " + allowed;
    }
}
