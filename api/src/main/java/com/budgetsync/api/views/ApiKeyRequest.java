package com.budgetsync.api.views;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of POST /api/admin/api-keys. */
public record ApiKeyRequest(
        @NotBlank @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId) {
}
