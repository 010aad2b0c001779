package com.budgetsync.api;

import com.budgetsync.settings.SmtpSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code notifications.smtp:} where notification emails go out. No host: email is off. config.yml fills it from
 * SMTP_HOST, SMTP_PORT (587), SMTP_STARTTLS (true), SMTP_USERNAME, SMTP_PASSWORD and SMTP_FROM.
 */
public class SmtpConfig {
    @JsonProperty
    private String host;

    @Min(1)
    @Max(65535)
    @JsonProperty
    private int port = SmtpSettings.NONE.port();

    @JsonProperty
    private boolean startTls = SmtpSettings.NONE.startTls();

    @JsonProperty
    private String username;

    @JsonProperty
    private String password;

    @JsonProperty
    private String from = SmtpSettings.NONE.from();

    public SmtpSettings settings() {
        return new SmtpSettings(blankToNull(host), port, startTls, blankToNull(username), blankToNull(password),
                from == null || from.isBlank() ? SmtpSettings.NONE.from() : from);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
