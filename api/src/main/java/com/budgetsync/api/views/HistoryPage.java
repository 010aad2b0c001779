package com.budgetsync.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of a customer's runs, newest first, in the list envelope (README, "Lists"). {@code items} repeats
 * {@code history} for clients written before the envelope had its name (deprecated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryPage(String customerId, Long configId, long total, int limit, int offset, List<SyncView> history,
                          @Deprecated @Schema(deprecated = true, description = "the same list; read the named one") List<SyncView> items) {
    public HistoryPage(String customerId, Long configId, long total, int limit, int offset, List<SyncView> history) {
        this(customerId, configId, total, limit, offset, history, history);
    }
}
