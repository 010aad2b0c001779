package com.budgetsync.worker.sources;

import java.io.IOException;

/**
 * A source failure with the message the user acts on. {@code retryable} says whether trying again can help
 * (network, timeouts, a file that vanished) or not (wrong password, unknown host key, missing folder, denied).
 */
public class SourceException extends IOException {
    private final boolean retryable;

    public SourceException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public SourceException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
