package com.budgetsync.worker.sources;

import java.util.Map;

/** Reading {@code sourceConfig} entries with messages that name the key to fix (never a secret's value). */
final class ConfigValues {
    private ConfigValues() {
    }

    static String required(Map<String, Object> config, String key, String sourceType) {
        String value = text(config, key, null);
        if (value == null) {
            throw new IllegalArgumentException(sourceType + " source needs sourceConfig." + key);
        }
        return value;
    }

    /** The trimmed value, or {@code fallback} when absent or blank. */
    static String text(Map<String, Object> config, String key, String fallback) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** A secret exactly as given (spaces may belong to it), or null when absent or empty. */
    static String secret(Map<String, Object> config, String key) {
        Object value = config.get(key);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    static long number(Map<String, Object> config, String key, long fallback) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            long n = value instanceof Number num ? num.longValue() : Long.parseLong(value.toString().trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException("sourceConfig." + key + " must be a whole number >= 0, not '" + value
                + "'");
    }

    static boolean flag(Map<String, Object> config, String key) {
        return Boolean.parseBoolean(String.valueOf(config.getOrDefault(key, "false")).trim());
    }
}
