package com.budgetsync.domain;

import java.time.Instant;
import java.util.Map;

/** A customer's file source with its schedule and settings ({@code budget_data_source_config}). */
public record DataSourceConfig(long id, String customerId, String name, SourceType sourceType, boolean enabled,
                               String frequency, String timezone, Map<String, Object> sourceConfig,
                               ConfigOptions options, Instant lastSyncAt, String lastSyncStatus,
                               Instant nextSyncAt, Instant createdAt, Instant updatedAt) {
}
