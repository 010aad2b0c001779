package com.budgetsync.api.views;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A config as the API shows it: secrets are always "********". */
public record ConfigView(long id, String customerId, String name, String sourceType, boolean enabled,
                         String frequency, String timezone, Map<String, Object> sourceConfig, ConfigOptions options,
                         Instant lastSyncAt, String lastSyncStatus, Instant nextSyncAt, Instant createdAt,
                         Instant updatedAt) {
    static final Set<String> SECRET_KEYS = Set.of("password", "privateKey", "passphrase", "secretAccessKey",
            "bearerToken", "token", "apiKey");
    public static final String MASK = "********";

    /** An update that leaves a secret out, or sends it back masked, keeps the stored one. */
    public static Map<String, Object> keepSecrets(Map<String, Object> stored, Map<String, Object> incoming) {
        Map<String, Object> merged = new LinkedHashMap<>(incoming);
        for (String key : SECRET_KEYS) {
            Object value = incoming.get(key);
            if ((value == null || MASK.equals(value)) && stored.containsKey(key)) {
                merged.put(key, stored.get(key));
            }
        }
        return merged;
    }

    public static ConfigView of(DataSourceConfig c) {
        Map<String, Object> shown = new LinkedHashMap<>();
        c.sourceConfig().forEach((k, v) -> shown.put(k, SECRET_KEYS.contains(k) && v != null ? MASK : v));
        return new ConfigView(c.id(), c.customerId(), c.name(), c.sourceType().dbValue(), c.enabled(), c.frequency(),
                c.timezone(), shown, c.options(), c.lastSyncAt(), c.lastSyncStatus(), c.nextSyncAt(), c.createdAt(),
                c.updatedAt());
    }
}
