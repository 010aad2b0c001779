package com.budgetsync.worker.notify;

import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.NotificationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a config's recipients how a run ended: on failed, partial and needs_review, and on success when the config
 * asks for it; never for no_new_file or skipped. Each recipient's outcome is recorded, so an attempt after a crash or
 * a retry sends only what has not gone out yet (at least once: a crash between sending and recording sends again).
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String EMAIL_OFF = "email not configured: the worker has no SMTP server (SMTP_HOST)";

    private final SyncHistoryDao history;
    private final ConfigDao configs;
    private final NotificationDao deliveries;
    private final NotificationSettings settings;
    private final WebhookUrls webhookUrls;
    private final WebhookSecrets signingSecrets;
    private final EmailSender email;
    private final WebhookSender webhooks = new WebhookSender();

    public Notifier(SyncHistoryDao history, ConfigDao configs, NotificationDao deliveries,
                    NotificationSettings settings, WebhookUrls webhookUrls, WebhookSecrets signingSecrets) {
        this.history = history;
        this.configs = configs;
        this.deliveries = deliveries;
        this.settings = settings;
        this.webhookUrls = webhookUrls;
        this.signingSecrets = signingSecrets;
        if (settings.smtp().configured()) {
            this.email = new EmailSender(settings.smtp());
            LOG.info("notification email via {}", settings.smtp());
        } else {
            this.email = null;
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
        int pending = 0;
        String signingSecret = config.flatMap(c -> signingSecrets.open(c.id())).orElse(null);
        for (Delivery delivery : deliveries(notice, options, signingSecret)) {
            if (!deliver(syncId, delivery, lastAttempt)) {
                pending++;
            }
        }
        return pending;
    }

    /** Whether a run that ended so tells anyone. */
    static boolean wanted(SyncStatus status, boolean onSuccess) {
        return switch (status) {
            case FAILED, PARTIAL, NEEDS_REVIEW -> true;
            case SUCCESS -> onSuccess;
            case RUNNING, SKIPPED, NO_NEW_FILE -> false;
        };
    }

    /** {@code signingSecret} null: webhooks go unsigned (a config not saved since signing existed). */
    private List<Delivery> deliveries(RunNotice notice, ConfigOptions options, String signingSecret) {
        List<Delivery> all = new ArrayList<>();
        for (String address : options.notifyEmailsOrEmpty()) {
            String recipient = address.trim();
            all.add(new Delivery(Channel.EMAIL, recipient,
                    email == null ? null : () -> email.send(notice, recipient)));
        }
        for (String url : options.notifyWebhooksOrEmpty()) {
            WebhookTarget target = WebhookTarget.of(url);
            String body = target.channel() == Channel.SLACK ? SlackFormat.body(notice) : Json.write(notice);
            all.add(new Delivery(target.channel(), target.masked(), () -> webhooks.post(target, body, signingSecret)));
        }
        return all;
    }

    /** @return false while the recipient is pending */
    private boolean deliver(String syncId, Delivery delivery, boolean lastAttempt) {
        Optional<NotificationDelivery> before = deliveries.find(syncId, delivery.channel(), delivery.target());
        if (before.isPresent() && before.get().status().isFinal()) {
            return true;
        }
        if (delivery.send() == null) {
            deliveries.record(syncId, delivery.channel(), delivery.target(), Status.FAILED, false, EMAIL_OFF);
            return true;
        }
        try {
            delivery.send().run();
            deliveries.record(syncId, delivery.channel(), delivery.target(), Status.DELIVERED, true, null);
            LOG.info("sync {}: notified {} {}", syncId, delivery.channel().dbValue(), delivery.target());
            return true;
        } catch (DeliveryException e) {
            return failed(syncId, delivery, e.getMessage(), e.retryable() && !lastAttempt);
        } catch (RuntimeException e) {
            // a bug in one channel must not silence the other recipients
            return failed(syncId, delivery, "unexpected error: " + e, !lastAttempt);
        }
    }

    private boolean failed(String syncId, Delivery delivery, String error, boolean tryAgain) {
        deliveries.record(syncId, delivery.channel(), delivery.target(), tryAgain ? Status.PENDING : Status.FAILED,
                true, error);
        LOG.warn("sync {}: {} notification to {} {}: {}", syncId, delivery.channel().dbValue(), delivery.target(),
                tryAgain ? "failed, will retry" : "failed for good", error);
        return !tryAgain;
    }

    /** One recipient; {@code send} is null when its channel is off (email without an SMTP server). */
    private record Delivery(Channel channel, String target, Send send) {
    }

    @FunctionalInterface
    private interface Send {
        void run() throws DeliveryException;
    }
}
