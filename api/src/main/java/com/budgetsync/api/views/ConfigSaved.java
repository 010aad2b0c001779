package com.budgetsync.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to creating or changing a config, as the specification shows it: {@code success}, {@code message} and
 * the saved {@code config}. The config's fields are also repeated at the top level, where clients written before this
 * shape read them (deprecated: read {@code config}). {@code webhookSecret} is there only in the answer that issued
 * it: the creation, or the first save of a config that had none.
 */
@Schema(description = "success, message and the saved config; the config's fields are repeated at the top level for "
        + "clients written before this shape (deprecated: read config)")
public record ConfigSaved(boolean success, String message, ConfigView config,
                          @Schema(description = "the key webhooks are signed with (docs/notifications.md), shown only"
                                  + " in the answer that issued it; rotate it with POST /api/sync/config/{id}/"
                                  + "webhook-secret")
                          @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret,
                          @Deprecated @JsonUnwrapped ConfigView savedConfig) {
    public static ConfigSaved created(ConfigView config, String webhookSecret) {
        return new ConfigSaved(true, "Configuration created", config, webhookSecret, config);
    }

    /** {@code webhookSecret}: null unless this save issued the config's first one. */
    public static ConfigSaved updated(ConfigView config, String webhookSecret) {
        return new ConfigSaved(true, "Configuration updated", config, webhookSecret, config);
    }
}
