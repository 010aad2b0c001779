package com.budgetsync.api.views;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of POST /api/sync/trigger; without configId every enabled config of the customer runs. */
public record TriggerRequest(
        @NotBlank @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
        Long configId,
        Boolean force) {
}
