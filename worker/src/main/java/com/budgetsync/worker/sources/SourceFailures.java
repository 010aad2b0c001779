package com.budgetsync.worker.sources;

import io.temporal.failure.ApplicationFailure;

/**
 * Turns a {@link SourceException} into the failure an activity throws: non-retryable ones stop Temporal's retries at
 * once (a wrong password does not get better), retryable ones are retried by the activity's retry policy. Only the
 * message travels: causes from network libraries are kept out of workflow history.
 */
public final class SourceFailures {
    /** The failure type, for workflow code and retry policies that want to tell source errors apart. */
    public static final String TYPE = "SourceError";

    private SourceFailures() {
    }

    public static ApplicationFailure toActivityFailure(SourceException e) {
        return e.retryable() ? ApplicationFailure.newFailure(e.getMessage(), TYPE)
                : ApplicationFailure.newNonRetryableFailure(e.getMessage(), TYPE);
    }
}
