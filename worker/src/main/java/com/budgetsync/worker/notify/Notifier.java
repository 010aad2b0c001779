package com.budgetsync.worker.notify;

import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.NotificationDao.About;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.NotificationSettings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a config's recipients how a run ended: on failed, partial and needs_review, and on success when the config
 * asks for it; never for no_new_file or skipped. Each recipient's outcome is recorded ({@link NoticeDelivery}).
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String EMAIL_OFF = NoticeDelivery.EMAIL_OFF;

    private final SyncHistoryDao history;
    private final ConfigDao configs;
    private final NotificationSettings settings;
    private final WebhookUrls webhookUrls;
    private final WebhookSecrets signingSecrets;
    private final NoticeDelivery delivery;

    public Notifier(SyncHistoryDao history, ConfigDao configs, NotificationDao deliveries,
                    NotificationSettings settings, WebhookUrls webhookUrls, WebhookSecrets signingSecrets) {
        this.history = history;
        this.configs = configs;
        this.settings = settings;
        this.webhookUrls = webhookUrls;
        this.signingSecrets = signingSecrets;
        this.delivery = new NoticeDelivery(deliveries, settings.smtp());
        if (delivery.emailOn()) {
            LOG.info("notification email via {}", settings.smtp());
        } else {
            LOG.info("notification email is off: no SMTP server configured (notifications.smtp.host, SMTP_HOST);"
                    + " webhooks still go out");
        }
    }

    /**
     * Delivers what is still due for the run. A failure worth retrying stays {@code pending} unless this is the
     * {@code lastAttempt}, when it is recorded {@code failed}.
     *
     * @return how many recipients are still pending, for the caller to try again later
     */
    public int deliver(String syncId, boolean lastAttempt) {
        Optional<SyncRecord> found = history.find(syncId);
        if (found.isEmpty()) {
            LOG.warn("sync {}: no such run, nobody notified", syncId);
            return 0;
        }
        SyncRecord run = found.get();
        Optional<DataSourceConfig> config = Optional.ofNullable(run.configId()).flatMap(configs::find);
        ConfigOptions options = config.map(c -> webhookUrls.open(c.options())).orElse(ConfigOptions.DEFAULTS);
        if (!wanted(run.status(), options.notifyOnSuccessOrDefault())) {
            return 0;
        }
        RunNotice notice = RunNotice.of(run, config.map(DataSourceConfig::name).orElse(null),
                settings.historyUrl(syncId));
        String signingSecret = config.flatMap(c -> signingSecrets.open(c.id())).orElse(null);
        return delivery.deliver(About.run(syncId), notice, options.notifyEmailsOrEmpty(),
                options.notifyWebhooksOrEmpty(), signingSecret, lastAttempt);
    }

    /** Whether a run that ended so tells anyone. */
    static boolean wanted(SyncStatus status, boolean onSuccess) {
        return switch (status) {
            case FAILED, PARTIAL, NEEDS_REVIEW -> true;
            case SUCCESS -> onSuccess;
            case RUNNING, SKIPPED, NO_NEW_FILE -> false;
        };
    }
}
