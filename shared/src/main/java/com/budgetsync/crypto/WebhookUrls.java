package com.budgetsync.crypto;

import com.budgetsync.domain.ConfigOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Webhook URLs are credentials (a Slack incoming-webhook URL carries its token in the path): a config's
 * {@code options.notifyWebhooks} are stored encrypted like source secrets, answered and logged only {@link #mask
 * masked}, and an update that sends a masked URL back keeps the stored one.
 */
public final class WebhookUrls {
    private final SourceSecrets secrets;

    public WebhookUrls(SourceSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * The options to store: each webhook encrypted; one sent back masked keeps its stored value. New ones must have
     * passed {@code config.ConfigValidator} (the outbound address guard) first.
     */
    public ConfigOptions seal(ConfigOptions incoming, ConfigOptions stored) {
        if (incoming == null || incoming.notifyWebhooks() == null) {
            return incoming;
        }
        Map<String, String> storedByMask = new HashMap<>();
        if (stored != null) {
            stored.notifyWebhooksOrEmpty().forEach(s -> storedByMask.putIfAbsent(mask(secrets.decryptValue(s)), s));
        }
        List<String> sealed = new ArrayList<>();
        for (String url : incoming.notifyWebhooks()) {
            String previous = storedByMask.get(url);
            if (previous != null) {
                sealed.add(secrets.encryptValue(previous));
            } else {
                sealed.add(secrets.encryptValue(url.trim()));
            }
        }
        return incoming.withNotifyWebhooks(sealed);
    }

    /** The options with every webhook encrypted, as they were (rotating the key: no URL is new). */
    public ConfigOptions encrypt(ConfigOptions open) {
        return map(open, secrets::encryptValue);
    }

    /** The options with webhooks in clear text, for the notifier alone; never log or return them. */
    public ConfigOptions open(ConfigOptions stored) {
        return map(stored, secrets::decryptValue);
    }

    /** The options as API answers show them. */
    public ConfigOptions masked(ConfigOptions stored) {
        return map(stored, s -> mask(secrets.decryptValue(s)));
    }

    private static ConfigOptions map(ConfigOptions options, UnaryOperator<String> each) {
        if (options == null || options.notifyWebhooks() == null) {
            return options;
        }
        return options.withNotifyWebhooks(options.notifyWebhooks().stream().map(each).toList());
    }

    /** {@code https://hooks.slack.com/… (a1b2c3d4)}: scheme, host and a short hash telling two hooks apart. */
    public static String mask(String url) {
        String hash = HexFormat.of().formatHex(sha256(url), 0, 4);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
                return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + "/… (" + hash + ")";
            }
        } catch (URISyntaxException notAUrl) {
            // shown by its hash only
        }
        return "invalid URL (" + hash + ")";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
