package com.budgetsync.worker.notify;

/**
 * A notification that did not go out. {@code retryable}: the next attempt may succeed (server down, 5xx, timeout);
 * otherwise trying again cannot help (refused address, unknown recipient, 4xx).
 */
public class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
