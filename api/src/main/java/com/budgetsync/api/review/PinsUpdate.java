package com.budgetsync.api.review;

import com.budgetsync.mapping.TargetField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to a mapping review (column header → field) merged into a config's {@code options.pins}: an answer
 * replaces any pin on the same column and any pin that fed the same field, so a field is never pinned twice.
 */
public final class PinsUpdate {
    private PinsUpdate() {
    }

    /** @throws IllegalArgumentException naming the column or field that is not in the file or not a field */
    public static Map<String, String> merge(Map<String, String> old, Map<String, String> answers,
                                            List<String> headers) {
        Map<String, String> normalised = new LinkedHashMap<>();
        answers.forEach((column, field) -> {
            if (!headers.contains(column)) {
                throw new IllegalArgumentException("column '" + column + "' is not in the file; its columns are "
                        + headers);
            }
            normalised.put(column, TargetField.fromJson(field).jsonName());
        });
        Map<String, String> merged = new LinkedHashMap<>();
        old.forEach((column, field) -> {
            if (!normalised.containsKey(column) && !normalised.containsValue(TargetField.fromJson(field).jsonName())) {
                merged.put(column, field);
            }
        });
        merged.putAll(normalised);
        return merged;
    }
}
