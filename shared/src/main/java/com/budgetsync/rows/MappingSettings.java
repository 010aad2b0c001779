package com.budgetsync.rows;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.TargetField;
import com.budgetsync.normalize.NormalizeOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** A config's options as the mapper and the normaliser take them. */
public final class MappingSettings {
    private MappingSettings() {
    }

    public static MappingOptions options(ConfigOptions options) {
        Map<String, TargetField> pins = new LinkedHashMap<>();
        options.pinsOrEmpty().forEach((column, field) -> {
            try {
                pins.put(column, TargetField.fromJson(field));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("options.pins." + column + ": " + e.getMessage(), e);
            }
        });
        return new MappingOptions(pins, options.mappingThresholdOrDefault(), options.fiscalYear());
    }

    public static NormalizeOptions normalize(ConfigOptions options, int fiscalYearStartMonth) {
        return new NormalizeOptions(fiscalYearStartMonth, options.currencyOrDefault());
    }
}
