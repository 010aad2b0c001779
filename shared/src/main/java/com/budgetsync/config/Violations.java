package com.budgetsync.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects a config's violations, with the typed readers every rule shares (each reports a wrong type itself). */
final class Violations {
    private static final int SHOWN_CHARS = 80;
    private final List<ConfigViolation> found = new ArrayList<>();

    void add(String field, Object value, String allowed) {
        found.add(new ConfigViolation(field, show(value), allowed));
    }

    /** For secrets: the value itself is never repeated, only {@code shown} (a mask). */
    void addMasked(String field, String shown, String allowed) {
        found.add(new ConfigViolation(field, shown, allowed));
    }

    void missing(String field, String allowed) {
        found.add(new ConfigViolation(field, null, allowed));
    }

    List<ConfigViolation> list() {
        return List.copyOf(found);
    }

    /** The text, or null (reported) when the value is not a non-blank string. */
    String text(String field, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        add(field, value, "must be non-empty text");
        return null;
    }

    /** A fraction from 0 to 1, the one convention of thresholds and guards (0.05 = 5 %). */
    Double fraction(String field, Object value, String example) {
        if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
            return n.doubleValue();
        }
        add(field, value, "must be a fraction from 0 to 1 (" + example + "), not a percentage or text");
        return null;
    }

    Long whole(String field, Object value, long min, long max) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max) {
            return ((Number) value).longValue();
        }
        add(field, value, "must be a whole number from " + min + " to " + max);
        return null;
    }

    void bool(String field, Object value) {
        if (!(value instanceof Boolean)) {
            add(field, value, "must be true or false");
        }
    }

    /** The list's elements, or null (reported) when the value is not a list of non-blank strings. */
    List<String> texts(String field, Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String s && !s.isBlank())) {
            return list.stream().map(String.class::cast).toList();
        }
        add(field, value, "must be a list of non-empty texts");
        return null;
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            String shown = s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "…" : s;
            return "\"" + shown + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "(an object)";
        }
        if (value instanceof List<?> list) {
            return "(a list of " + list.size() + ")";
        }
        return String.valueOf(value);
    }
}
