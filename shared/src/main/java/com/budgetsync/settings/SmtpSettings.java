package com.budgetsync.settings;

/**
 * The operator's mail server for notification emails. No host means email is off. With {@code startTls} the
 * connection must upgrade to TLS before logging in, or nothing is sent; the password never appears in
 * {@link #toString()}.
 */
public record SmtpSettings(String host, int port, boolean startTls, String username, String password, String from) {
    public static final SmtpSettings NONE = new SmtpSettings(null, 587, true, null, null, "budget-sync@localhost");

    /** SMTP_HOST, SMTP_PORT (587), SMTP_STARTTLS (true), SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM. */
    public static SmtpSettings fromEnvironment() {
        return new SmtpSettings(env("SMTP_HOST", null), Integer.parseInt(env("SMTP_PORT", "587")),
                Boolean.parseBoolean(env("SMTP_STARTTLS", "true")), env("SMTP_USERNAME", null),
                env("SMTP_PASSWORD", null), env("SMTP_FROM", NONE.from()));
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** Where and how mail goes, for the logs: never the password. */
    @Override
    public String toString() {
        return configured() ? host + ":" + port + (startTls ? " with STARTTLS" : " without TLS")
                + (authenticates() ? " as " + username : " without login") + ", from " + from : "not configured";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
