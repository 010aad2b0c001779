package com.budgetsync.api.views;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of POST /api/sync/config and PUT /api/sync/config/{id}; left-out fields keep their defaults (or stored values).
 * {@code options} stays raw JSON until {@code ConfigValidator} has checked it, so a wrong type or an unknown option is
 * reported with its field like any other violation.
 */
public record ConfigRequest(
        @NotBlank @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
        @Size(max = 200) String name,
        @NotBlank String sourceType,
        Boolean enabled,
        @Size(max = 100) String frequency,
        @Size(max = 64) String timezone,
        Map<String, Object> sourceConfig,
        Map<String, Object> options) {
}
