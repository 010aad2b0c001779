package com.budgetsync.rows;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.TargetField;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.ReadOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** A config's options as the file reader, the mapper and the normaliser take them. */
public final class MappingSettings {
    private MappingSettings() {
    }

    /** Its sheet, and its file pattern (which also picks the entry of a zip holding several files). */
    public static ReadOptions read(DataSourceConfig config) {
        Map<String, Object> source = config.sourceConfig() == null ? Map.of() : config.sourceConfig();
        Object pattern = source.containsKey("filePattern") ? source.get("filePattern") : source.get("pattern");
        return new ReadOptions(config.options().sheet(), pattern == null ? null : pattern.toString());
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
