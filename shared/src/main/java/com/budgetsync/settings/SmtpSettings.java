package com.budgetsync.settings;

/**
 * The operator's mail server for notification emails. No host means email is off. With {@code startTls} the
 * connection must upgrade to TLS before logging in, or nothing is sent; the password never appears in
 * {@link #toString()}.
 */
public record SmtpSettings(String host, int port, boolean startTls, String username, String password, String from) {
    public static final SmtpSettings NONE = new SmtpSettings(null, 587, true, null, null, "budget-sync@localhost");

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
}
