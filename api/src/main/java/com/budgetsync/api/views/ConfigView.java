package com.budgetsync.api.views;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import java.time.Instant;
import java.util.Map;

/**
 * A config as the API shows it: secrets are always "********", webhook URLs masked; the next sync time is the
 * schedule's.
 *
 * @param status       {@code active} (enabled), {@code disabled}, or {@code paused} (disabled by a failure streak;
 *                     enabling it resumes it)
 * @param pausedReason why it was paused; null unless paused
 */
public record ConfigView(long id, String customerId, String name, String sourceType, boolean enabled,
                         String frequency, String timezone, Map<String, Object> sourceConfig, ConfigOptions options,
                         Instant lastSyncAt, String lastSyncStatus, Instant nextSyncAt, Instant createdAt,
                         Instant updatedAt, String status, String pausedReason) {
    /** @param options the config's options as they may be shown (webhook URLs masked) */
    public static ConfigView of(DataSourceConfig c, ConfigOptions options, Instant nextSyncAt) {
        Map<String, Object> shown = SourceSecrets.mask(c.sourceConfig());
        return new ConfigView(c.id(), c.customerId(), c.name(), c.sourceType().dbValue(), c.enabled(), c.frequency(),
                c.timezone(), shown, options, c.lastSyncAt(), c.lastSyncStatus(), nextSyncAt, c.createdAt(),
                c.updatedAt(), c.paused() ? "paused" : c.enabled() ? "active" : "disabled", c.pausedReason());
    }
}
