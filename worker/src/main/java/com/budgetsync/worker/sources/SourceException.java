package com.budgetsync.worker.sources;

import java.io.IOException;

/**
 * A source failure with the message the user acts on. {@code retryable} says whether trying again can help
 * (network, timeouts, a file that vanished) or not (wrong password, unknown host key, missing folder, denied).
 * {@code stage} says how far the connection got, for the connection test's report.
 */
public class SourceException extends IOException {
    /** How far a connection got before failing. */
    public enum Stage {
        /** The server was not reached (unknown host, refused, timed out). */
        CONNECT,
        /** Reached, but the login or the server's identity (host key, certificate) failed. */
        LOGIN,
        /** Logged in; the folder, bucket or file is the problem. */
        AFTER_LOGIN
    }

    private final boolean retryable;
    private final Stage stage;

    public SourceException(String message, boolean retryable) {
        this(message, retryable, Stage.AFTER_LOGIN, null);
    }

    public SourceException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, Stage.AFTER_LOGIN, cause);
    }

    public SourceException(String message, boolean retryable, Stage stage, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.stage = stage;
    }

    /** {@code cannot reach <where>: <why>}, retryable: networks and servers come back. */
    public static SourceException unreachable(String where, String why, Throwable cause) {
        return new SourceException("cannot reach " + where + ": " + why, true, Stage.CONNECT, cause);
    }

    /**
     * {@code authentication failed for <who>@<where>}, not retryable. Never given a cause: nothing of the credential
     * may travel with the error.
     */
    public static SourceException authenticationFailed(String who, String where, String detail) {
        return new SourceException("authentication failed for " + who + "@" + where
                + (detail == null ? "" : ": " + detail), false, Stage.LOGIN, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Stage stage() {
        return stage;
    }
}
