package com.budgetsync.crypto;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.WebhookSecretDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every stored source secret, webhook URL and webhook signing secret from the old
 * BUDGET_SYNC_ENCRYPTION_KEY to the new one, in one transaction:
 * either every config moves to the new key or none does. A config already under the new key is left alone, so a
 * rotation that was interrupted can simply be run again.
 */
public final class SecretRotation {
    private SecretRotation() {
    }

    /** Returns how many configs were re-encrypted. */
    public static int rotate(Jdbi jdbi, SourceSecrets oldKey, SourceSecrets newKey) {
        return jdbi.inTransaction(h -> {
            Set<Long> rotated = new HashSet<>();
            for (DataSourceConfig config : new ConfigDao(jdbi).listAll()) {
                if (config.sourceConfig().values().stream().noneMatch(SecretCipher::isEncrypted)
                        && config.options().notifyWebhooksOrEmpty().stream().noneMatch(SecretCipher::isEncrypted)) {
                    continue;
                }
                Map<String, Object> plain;
                ConfigOptions options;
                try {
                    plain = oldKey.decrypt(config.sourceConfig());
                    options = new WebhookUrls(oldKey).open(config.options());
                } catch (IllegalStateException notUnderOldKey) {
                    // throws, rolling back all, if under neither key
                    newKey.decrypt(config.sourceConfig());
                    new WebhookUrls(newKey).open(config.options());
                    continue;
                }
                h.createUpdate("""
                                UPDATE budget_data_source_config
                                   SET source_config = CAST(:source AS jsonb), options = CAST(:options AS jsonb)
                                 WHERE id = :id""")
                        .bind("id", config.id()).bind("source", Json.write(newKey.encrypt(plain)))
                        .bind("options", Json.write(new WebhookUrls(newKey).encrypt(options)))
                        .execute();
                rotated.add(config.id());
            }
            for (Map.Entry<Long, String> signing : WebhookSecretDao.all(h).entrySet()) {
                String plain;
                try {
                    plain = oldKey.decryptValue(signing.getValue());
                } catch (IllegalStateException notUnderOldKey) {
                    newKey.decryptValue(signing.getValue());
                    continue;
                }
                WebhookSecretDao.store(h, signing.getKey(), newKey.encryptValue(plain));
                rotated.add(signing.getKey());
            }
            return rotated.size();
        });
    }
}
