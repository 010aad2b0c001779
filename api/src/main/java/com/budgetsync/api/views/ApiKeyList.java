package com.budgetsync.api.views;

import com.budgetsync.api.auth.ApiKeyStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Customer API keys (every customer's when {@code customerId} is left out), in the list envelope (README, "Lists"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyList(String customerId, long total, List<ApiKeyStore.ApiKey> keys) {
    public static ApiKeyList of(String customerId, List<ApiKeyStore.ApiKey> keys) {
        return new ApiKeyList(customerId, keys.size(), keys);
    }
}
