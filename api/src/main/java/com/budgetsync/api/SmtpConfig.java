package com.budgetsync.api;

import com.budgetsync.settings.SmtpSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code notifications.smtp:} where notification emails go out. No host: email is off. Defaults come from SMTP_HOST,
 * SMTP_PORT (587), SMTP_STARTTLS (true), SMTP_USERNAME, SMTP_PASSWORD and SMTP_FROM.
 */
public class SmtpConfig {
    private static final SmtpSettings ENV = SmtpSettings.fromEnvironment();

    @JsonProperty
    private String host = ENV.host();

    @Min(1)
    @Max(65535)
    @JsonProperty
    private int port = ENV.port();

    @JsonProperty
    private boolean startTls = ENV.startTls();

    @JsonProperty
    private String username = ENV.username();

    @JsonProperty
    private String password = ENV.password();

    @JsonProperty
    private String from = ENV.from();

    public SmtpSettings settings() {
        return new SmtpSettings(blankToNull(host), port, startTls, blankToNull(username), blankToNull(password),
                from == null || from.isBlank() ? SmtpSettings.NONE.from() : from);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
