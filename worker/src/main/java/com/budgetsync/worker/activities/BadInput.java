package com.budgetsync.worker.activities;

import io.temporal.failure.ApplicationFailure;

/** Bad input (unreadable file, missing column, invalid config): retrying cannot help, so the run fails at once. */
public final class BadInput {
    public static final String TYPE = "BadInput";

    private BadInput() {
    }

    public static ApplicationFailure of(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, TYPE);
    }
}
