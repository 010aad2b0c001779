package com.budgetsync.worker.notify;

import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.domain.NotificationDelivery.Channel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A configured webhook URL. Slack's incoming-webhook format goes to {@code hooks.slack.com}, and to any URL ending
 * in {@code #slack} (Slack-compatible receivers such as Mattermost; the fragment is never sent); every other URL
 * gets the generic JSON body. Webhook paths are credentials, so outside this class the URL is only ever
 * {@link #masked()}: scheme, host and a short hash that tells two webhooks on one host apart.
 */
public record WebhookTarget(URI uri, Channel channel, String masked) {
    static final String SLACK_HOST = "hooks.slack.com";
    static final String SLACK_FRAGMENT = "slack";

    public static WebhookTarget of(String configured) {
        String trimmed = configured.trim();
        String masked = WebhookUrls.mask(trimmed);
        URI parsed;
        try {
            parsed = new URI(trimmed);
        } catch (URISyntaxException e) {
            return new WebhookTarget(null, Channel.WEBHOOK, masked);
        }
        boolean slack = SLACK_HOST.equalsIgnoreCase(parsed.getHost()) || SLACK_FRAGMENT.equals(parsed.getFragment());
        URI sent = parsed;
        if (parsed.getRawFragment() != null) {
            sent = URI.create(trimmed.substring(0, trimmed.indexOf('#')));
        }
        return new WebhookTarget(sent, slack ? Channel.SLACK : Channel.WEBHOOK, masked);
    }

    /** False when the configured text is not an http(s) URL with a host. */
    public boolean valid() {
        if (uri == null || uri.getHost() == null) {
            return false;
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http");
    }
}
