package com.budgetsync.api.views;

import com.budgetsync.domain.ConfigOptions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Body of POST /api/sync/config and PUT /api/sync/config/{id}; left-out fields keep their defaults (or stored values). */
public record ConfigRequest(
        @NotBlank @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
        @Size(max = 200) String name,
        @NotBlank String sourceType,
        Boolean enabled,
        String frequency,
        String timezone,
        Map<String, Object> sourceConfig,
        ConfigOptions options) {
}
