package com.budgetsync.settings;

/**
 * Operator settings of the notify activity: the mail server, and the API's public address for the link to the run
 * ({@code <publicUrl>/api/sync/history/<syncId>}; none when null).
 */
public record NotificationSettings(SmtpSettings smtp, String publicUrl) {
    public static final NotificationSettings NONE = new NotificationSettings(SmtpSettings.NONE, null);

    /** The link to the run's history in the API, or null without a public address. */
    public String historyUrl(String syncId) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/api/sync/history/" + syncId;
    }
}
