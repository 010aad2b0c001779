package com.budgetsync.worker.activities;

import com.budgetsync.worker.sources.SourceException;
import io.temporal.failure.ApplicationFailure;

/** Turns a source error into a Temporal failure that is retried only when retrying can help. */
final class SourceFailures {
    private SourceFailures() {
    }

    static ApplicationFailure of(SourceException e) {
        return e.retryable()
                ? ApplicationFailure.newFailure(e.getMessage(), "SourceUnavailable")
                : BadInput.of(e.getMessage());
    }
}
