package com.budgetsync.api;

import com.budgetsync.settings.NotificationSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;

/**
 * {@code notifications:} the API's public address for links to runs (BUDGET_SYNC_PUBLIC_URL) and the mail server
 * ({@code smtp:}), and the operator's recipients of every alert.
 */
public class NotificationsConfig {
    @JsonProperty
    private String publicUrl;

    @Valid
    @NotNull
    @JsonProperty
    private SmtpConfig smtp = new SmtpConfig();

    /** Comma-separated addresses that get every alert (BUDGET_SYNC_OPERATOR_EMAILS). */
    @JsonProperty
    private String operatorEmails;

    /** Comma-separated webhook URLs that get every alert (BUDGET_SYNC_OPERATOR_WEBHOOKS). */
    @JsonProperty
    private String operatorWebhooks;

    public NotificationSettings settings() {
        return new NotificationSettings(smtp.settings(), publicUrl == null || publicUrl.isBlank() ? null : publicUrl,
                list(operatorEmails), list(operatorWebhooks));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
