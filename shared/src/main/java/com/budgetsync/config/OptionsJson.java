package com.budgetsync.config;

import com.budgetsync.domain.ConfigOptions;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A config's options between their raw JSON shape (what clients send, what is validated) and {@link ConfigOptions}. */
public final class OptionsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private OptionsJson() {
    }

    /** Options that passed {@link ConfigValidator}; null gives the defaults. */
    public static ConfigOptions read(Map<String, Object> raw) {
        return raw == null ? ConfigOptions.DEFAULTS : MAPPER.convertValue(raw, ConfigOptions.class);
    }

    /** The options as JSON values, left-out options absent. */
    public static Map<String, Object> asMap(ConfigOptions options) {
        return options == null ? Map.of() : MAPPER.convertValue(options, MAP);
    }
}
