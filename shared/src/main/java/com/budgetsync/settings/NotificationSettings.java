package com.budgetsync.settings;

import java.util.List;

/**
 * Operator settings of the notify activities: the mail server, the API's public address for links
 * ({@code <publicUrl>/api/sync/history/<syncId>}; none when null), and the operator's own recipients, who get every
 * alert of every customer besides each config's recipients.
 */
public record NotificationSettings(SmtpSettings smtp, String publicUrl, List<String> operatorEmails,
                                   List<String> operatorWebhooks) {
    public static final NotificationSettings NONE = new NotificationSettings(SmtpSettings.NONE, null);

    public NotificationSettings {
        operatorEmails = operatorEmails == null ? List.of() : List.copyOf(operatorEmails);
        operatorWebhooks = operatorWebhooks == null ? List.of() : List.copyOf(operatorWebhooks);
    }

    /** Without operator recipients. */
    public NotificationSettings(SmtpSettings smtp, String publicUrl) {
        this(smtp, publicUrl, List.of(), List.of());
    }

    /** The link to the run's history in the API, or null without a public address. */
    public String historyUrl(String syncId) {
        return link("/api/sync/history/" + syncId);
    }

    /** The link to the customer's open alerts in the API, or null without a public address. */
    public String alertsUrl(String customerId) {
        return link("/api/alerts?customerId=" + customerId + "&open=true");
    }

    private String link(String path) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + path;
    }
}
