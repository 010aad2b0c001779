package com.budgetsync.api.core;

import com.budgetsync.config.ConfigDraft;
import com.budgetsync.config.ConfigValidator;
import com.budgetsync.config.ConfigViolation;
import com.budgetsync.config.OptionsJson;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, finds the stored configs that today's validation would refuse (saved before a rule existed, or
 * written around the API): each is logged with its id and violations and shown in {@code /api/sync/health}. They
 * keep running as before, so an upgrade breaks no customer; a {@code PUT} that passes validation clears the entry.
 */
public final class StoredConfigCheck implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(StoredConfigCheck.class);

    /** A stored config with what the validation says of it. */
    public record InvalidConfig(long configId, String customerId, List<String> problems) {
    }

    private final ConfigDao configs;
    private final ConfigValidator validator;
    private final WebhookUrls webhookUrls;
    private final Map<Long, InvalidConfig> invalid = new ConcurrentSkipListMap<>();

    public StoredConfigCheck(ConfigDao configs, ConfigValidator validator, WebhookUrls webhookUrls) {
        this.configs = configs;
        this.validator = validator;
        this.webhookUrls = webhookUrls;
    }

    @Override
    public void start() {
        check();
    }

    /** Checks every stored config again and logs each invalid one; returns them. */
    public List<InvalidConfig> check() {
        invalid.clear();
        for (DataSourceConfig config : configs.listAll()) {
            List<String> problems = validator.validate(draftOf(config)).stream().map(ConfigViolation::message)
                    .toList();
            if (!problems.isEmpty()) {
                invalid.put(config.id(), new InvalidConfig(config.id(), config.customerId(), problems));
                LOG.warn("stored config {} (customer {}) would be refused if saved today; it keeps running as"
                        + " before, fix it with PUT /api/sync/config/{}: {}", config.id(), config.customerId(),
                        config.id(), String.join("; ", problems));
            }
        }
        return invalid();
    }

    /** The invalid configs found, by id; a config saved since through the API is no longer listed. */
    public List<InvalidConfig> invalid() {
        return List.copyOf(invalid.values());
    }

    /** The config was saved (validated) or deleted. */
    public void resolved(long configId) {
        invalid.remove(configId);
    }

    /** Secrets stay encrypted (only their presence is checked); webhooks, checked when saved, stay masked. */
    private ConfigDraft draftOf(DataSourceConfig config) {
        ConfigOptions shown = webhookUrls.masked(config.options());
        return new ConfigDraft(config.customerId(), config.sourceType().dbValue(), config.frequency(),
                config.timezone(), config.sourceConfig(), OptionsJson.asMap(shown),
                Set.copyOf(shown.notifyWebhooksOrEmpty()));
    }
}
