package com.budgetsync.db;

import com.budgetsync.domain.SyncStatus;
import java.time.Instant;

/**
 * Which runs a history list or export shows: one customer's, optionally one config's, one status, started in
 * [{@code from}, {@code to}). Null means "any".
 */
public record HistoryFilter(String customerId, Long configId, SyncStatus status, Instant from, Instant to) {
    public static HistoryFilter of(String customerId, Long configId) {
        return new HistoryFilter(customerId, configId, null, null, null);
    }
}
