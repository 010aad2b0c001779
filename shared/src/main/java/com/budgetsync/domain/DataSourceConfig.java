package com.budgetsync.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's file source with its schedule and settings ({@code budget_data_source_config}).
 *
 * @param pausedReason why a failure streak paused the config (it is then disabled); null when it is not paused
 */
public record DataSourceConfig(long id, String customerId, String name, SourceType sourceType, boolean enabled,
                               String frequency, String timezone, Map<String, Object> sourceConfig,
                               ConfigOptions options, Instant lastSyncAt, String lastSyncStatus,
                               Instant nextSyncAt, Instant createdAt, Instant updatedAt, String pausedReason) {
    /** A config that is not paused. */
    public DataSourceConfig(long id, String customerId, String name, SourceType sourceType, boolean enabled,
                            String frequency, String timezone, Map<String, Object> sourceConfig,
                            ConfigOptions options, Instant lastSyncAt, String lastSyncStatus,
                            Instant nextSyncAt, Instant createdAt, Instant updatedAt) {
        this(id, customerId, name, sourceType, enabled, frequency, timezone, sourceConfig, options, lastSyncAt,
                lastSyncStatus, nextSyncAt, createdAt, updatedAt, null);
    }

    /** Paused by a failure streak: disabled until someone enables it again. */
    public boolean paused() {
        return !enabled && pausedReason != null;
    }
}
