package com.budgetsync.worker.notify;

import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.NotificationDao.About;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.settings.SmtpSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notice to its recipients, each recorded in {@code notification_delivery}: an attempt after a crash or a
 * retry sends only what has not gone out yet (at least once: a crash between sending and recording sends again).
 * Run notifications and alerts share it, so they share channels, retries and records.
 */
public final class NoticeDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeDelivery.class);
    static final String EMAIL_OFF = "email not configured: the worker has no SMTP server (SMTP_HOST)";

    private final NotificationDao deliveries;
    private final EmailSender email;
    private final WebhookSender webhooks = new WebhookSender();

    public NoticeDelivery(NotificationDao deliveries, SmtpSettings smtp) {
        this.deliveries = deliveries;
        this.email = smtp.configured() ? new EmailSender(smtp) : null;
    }

    /** Whether email goes out at all (an SMTP server is configured). */
    public boolean emailOn() {
        return email != null;
    }

    /**
     * Delivers {@code notice} to each address and webhook not served yet. A failure worth retrying stays
     * {@code pending} unless this is the {@code lastAttempt}, when it is recorded {@code failed}.
     *
     * @param signingSecret the webhooks' signing secret; null sends them unsigned
     * @return how many recipients are still pending, for the caller to try again later
     */
    public int deliver(About about, Notice notice, List<String> emails, List<String> webhookUrls,
                       String signingSecret, boolean lastAttempt) {
        int pending = 0;
        for (Recipient recipient : recipients(notice, emails, webhookUrls, signingSecret)) {
            if (!deliver(about, recipient, lastAttempt)) {
                pending++;
            }
        }
        return pending;
    }

    private List<Recipient> recipients(Notice notice, List<String> emails, List<String> webhookUrls,
                                       String signingSecret) {
        List<Recipient> all = new ArrayList<>();
        for (String address : emails) {
            String to = address.trim();
            all.add(new Recipient(Channel.EMAIL, to, email == null ? null : () -> email.send(notice, to)));
        }
        for (String url : webhookUrls) {
            WebhookTarget target = WebhookTarget.of(url);
            String body = target.channel() == Channel.SLACK ? SlackFormat.body(notice) : Json.write(notice.body());
            all.add(new Recipient(target.channel(), target.masked(),
                    () -> webhooks.post(target, body, signingSecret)));
        }
        return all;
    }

    /** @return false while the recipient is pending */
    private boolean deliver(About about, Recipient recipient, boolean lastAttempt) {
        Optional<NotificationDelivery> before = deliveries.find(about, recipient.channel(), recipient.target());
        if (before.isPresent() && before.get().status().isFinal()) {
            return true;
        }
        if (recipient.send() == null) {
            deliveries.record(about, recipient.channel(), recipient.target(), Status.FAILED, false, EMAIL_OFF);
            return true;
        }
        try {
            recipient.send().run();
            deliveries.record(about, recipient.channel(), recipient.target(), Status.DELIVERED, true, null);
            LOG.info("{}: notified {} {}", about, recipient.channel().dbValue(), recipient.target());
            return true;
        } catch (DeliveryException e) {
            return failed(about, recipient, e.getMessage(), e.retryable() && !lastAttempt);
        } catch (RuntimeException e) {
            // a bug in one channel must not silence the other recipients
            return failed(about, recipient, "unexpected error: " + e, !lastAttempt);
        }
    }

    private boolean failed(About about, Recipient recipient, String error, boolean tryAgain) {
        deliveries.record(about, recipient.channel(), recipient.target(), tryAgain ? Status.PENDING : Status.FAILED,
                true, error);
        LOG.warn("{}: {} notification to {} {}: {}", about, recipient.channel().dbValue(), recipient.target(),
                tryAgain ? "failed, will retry" : "failed for good", error);
        return !tryAgain;
    }

    /** One recipient; {@code send} is null when its channel is off (email without an SMTP server). */
    private record Recipient(Channel channel, String target, Send send) {
    }

    @FunctionalInterface
    private interface Send {
        void run() throws DeliveryException;
    }
}
