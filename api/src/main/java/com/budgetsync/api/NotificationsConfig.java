package com.budgetsync.api;

import com.budgetsync.settings.NotificationSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code notifications:} the API's public address for links to runs (BUDGET_SYNC_PUBLIC_URL) and the mail server
 * ({@code smtp:}).
 */
public class NotificationsConfig {
    @JsonProperty
    private String publicUrl;

    @Valid
    @NotNull
    @JsonProperty
    private SmtpConfig smtp = new SmtpConfig();

    public NotificationSettings settings() {
        return new NotificationSettings(smtp.settings(), publicUrl == null || publicUrl.isBlank() ? null : publicUrl);
    }
}
