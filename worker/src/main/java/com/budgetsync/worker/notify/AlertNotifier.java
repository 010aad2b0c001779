package com.budgetsync.worker.notify;

import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.NotificationDao.About;
import com.budgetsync.domain.Alert;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.settings.NotificationSettings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an alert to its config's recipients (signed with the config's webhook secret, as its run notifications are)
 * and to the operator's own recipients ({@code notifications.operatorEmails}, {@code operatorWebhooks}; unsigned),
 * each recorded like a run's deliveries.
 */
public final class AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);

    private final AlertDao alerts;
    private final ConfigDao configs;
    private final NotificationSettings settings;
    private final WebhookUrls webhookUrls;
    private final WebhookSecrets signingSecrets;
    private final NoticeDelivery delivery;

    public AlertNotifier(AlertDao alerts, ConfigDao configs, NotificationDao deliveries,
                         NotificationSettings settings, WebhookUrls webhookUrls, WebhookSecrets signingSecrets) {
        this.alerts = alerts;
        this.configs = configs;
        this.settings = settings;
        this.webhookUrls = webhookUrls;
        this.signingSecrets = signingSecrets;
        this.delivery = new NoticeDelivery(deliveries, settings.smtp());
    }

    /** @return recipients still pending (see {@link NoticeDelivery#deliver}) */
    public int deliver(long alertId, boolean lastAttempt) {
        Optional<Alert> found = alerts.find(alertId);
        if (found.isEmpty()) {
            LOG.warn("alert {}: gone (its config was deleted), nobody notified", alertId);
            return 0;
        }
        Alert alert = found.get();
        Optional<DataSourceConfig> config = Optional.ofNullable(alert.configId()).flatMap(configs::find);
        ConfigOptions options = config.map(c -> webhookUrls.open(c.options())).orElse(ConfigOptions.DEFAULTS);
        AlertNotice notice = AlertNotice.of(alert, config.map(DataSourceConfig::name).orElse(null),
                alert.syncId() == null ? null : settings.historyUrl(alert.syncId()),
                settings.alertsUrl(alert.customerId()));
        About about = About.alert(alertId);
        String signingSecret = config.flatMap(c -> signingSecrets.open(c.id())).orElse(null);
        return delivery.deliver(about, notice, options.notifyEmailsOrEmpty(), options.notifyWebhooksOrEmpty(),
                signingSecret, lastAttempt)
                + delivery.deliver(about, notice, settings.operatorEmails(), settings.operatorWebhooks(), null,
                lastAttempt);
    }
}
