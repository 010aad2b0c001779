package com.budgetsync.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@code budget_data_source_config.webhook_secret}: each config's webhook signing key, as stored (encrypted). */
public final class WebhookSecretDao {
    private final Jdbi jdbi;

    public WebhookSecretDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> find(long configId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT webhook_secret FROM budget_data_source_config
                         WHERE id = :id AND webhook_secret IS NOT NULL""")
                .bind("id", configId).mapTo(String.class).findOne());
    }

    /** @return false when the config does not exist */
    public boolean store(long configId, String encrypted) {
        return jdbi.withHandle(h -> store(h, configId, encrypted));
    }

    /** In the caller's transaction (key rotation). */
    public static boolean store(Handle h, long configId, String encrypted) {
        return h.createUpdate("UPDATE budget_data_source_config SET webhook_secret = :secret WHERE id = :id")
                .bind("id", configId).bind("secret", encrypted).execute() > 0;
    }

    /** Every stored secret by config id, read in the caller's transaction (key rotation). */
    public static Map<Long, String> all(Handle h) {
        return h.createQuery("""
                        SELECT id, webhook_secret FROM budget_data_source_config
                         WHERE webhook_secret IS NOT NULL ORDER BY id""")
                .reduceRows(new LinkedHashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("webhook_secret", String.class));
                    return map;
                });
    }
}
