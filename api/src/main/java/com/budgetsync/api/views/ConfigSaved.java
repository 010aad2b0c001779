package com.budgetsync.api.views;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to creating or changing a config, as the specification shows it: {@code success}, {@code message} and
 * the saved {@code config}. The config's fields are also repeated at the top level, where clients written before this
 * shape read them (deprecated: read {@code config}).
 */
@Schema(description = "success, message and the saved config; the config's fields are repeated at the top level for "
        + "clients written before this shape (deprecated: read config)")
public record ConfigSaved(boolean success, String message, ConfigView config,
                          @Deprecated @JsonUnwrapped ConfigView savedConfig) {
    public static ConfigSaved created(ConfigView config) {
        return new ConfigSaved(true, "Configuration created", config, config);
    }

    public static ConfigSaved updated(ConfigView config) {
        return new ConfigSaved(true, "Configuration updated", config, config);
    }
}
