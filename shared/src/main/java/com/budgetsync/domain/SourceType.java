package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a config's files come from. */
public enum SourceType {
    UPLOAD, LOCAL, SFTP, S3, HTTPS;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceType fromDb(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sourceType '" + value + "'; allowed: " + allowed());
        }
    }

    public static String allowed() {
        return Arrays.stream(values()).map(SourceType::dbValue).collect(Collectors.joining(", "));
    }
}
