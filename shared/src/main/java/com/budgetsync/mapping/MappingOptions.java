package com.budgetsync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a config tells the mapper: pinned columns (header text → field, they win over detection), the confidence a
 * required field needs before a run may import (below it the run stops as needs_review), and the fiscal year of files
 * whose periods name no year anywhere ({@code Jan … Dec} columns; null when the config does not say).
 */
public record MappingOptions(Map<String, TargetField> pins, double threshold, Integer fiscalYear) {
    public static final double DEFAULT_THRESHOLD = 0.7;
    public static final MappingOptions DEFAULT = new MappingOptions(Map.of(), DEFAULT_THRESHOLD);

    public MappingOptions {
        // The config's order, so that conflicting pins resolve the same way on every run.
        pins = pins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pins));
    }

    public MappingOptions(Map<String, TargetField> pins, double threshold) {
        this(pins, threshold, null);
    }
}
