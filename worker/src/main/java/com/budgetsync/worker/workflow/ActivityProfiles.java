package com.budgetsync.worker.workflow;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The two activity profiles of a run. Retries wait 2 s, 4 s, 8 s (at most 4 attempts); bad input is thrown as a
 * non-retryable ApplicationFailure and fails at once.
 */
public final class ActivityProfiles {
    public static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0)
            .setMaximumAttempts(4)
            .build();

    /** Bookkeeping and source listing: quick. */
    public static final ActivityOptions SHORT = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RETRY)
            .build();

    /**
     * Downloading, parsing and importing files of up to hundreds of MB. Workers heartbeat every 10 s
     * (HeartbeatInterceptor), so an activity whose worker died is retried elsewhere after 30 s.
     */
    public static final ActivityOptions LONG = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(30))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RETRY)
            .build();

    private ActivityProfiles() {
    }
}
