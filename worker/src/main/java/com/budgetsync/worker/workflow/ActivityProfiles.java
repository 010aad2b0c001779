package com.budgetsync.worker.workflow;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The activity profiles of a run. Retries wait 2 s, 4 s, 8 s (at most 4 attempts); bad input is thrown as a
 * non-retryable ApplicationFailure and fails at once. Steps that work in PostgreSQL (recording the run, parse, map,
 * import) may retry for longer, {@link #DATABASE_RETRY}, so that a database restart or failover of a few minutes
 * delays the run instead of failing it or leaving it unrecorded; only failures of type {@code DatabaseUnavailable}
 * use those extra attempts, every other failure stops after {@link #ORDINARY_ATTEMPTS} (FailureTranslation).
 */
public final class ActivityProfiles {
    public static final int ORDINARY_ATTEMPTS = 4;

    public static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0)
            .setMaximumAttempts(ORDINARY_ATTEMPTS)
            .build();

    /** 2, 4, 8, 16 s, then every 30 s: about 4.5 minutes of waiting in all, then the run fails with the cause. */
    public static final RetryOptions DATABASE_RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofSeconds(30))
            .setMaximumAttempts(12)
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

    /** Recording the run's start and outcome. */
    public static final ActivityOptions BOOKKEEPING = ActivityOptions.newBuilder(SHORT)
            .setRetryOptions(DATABASE_RETRY)
            .build();

    /** Parse, map and import: the stored file's bytes and the budgets are in PostgreSQL. */
    public static final ActivityOptions LONG_IN_DATABASE = ActivityOptions.newBuilder(LONG)
            .setRetryOptions(DATABASE_RETRY)
            .build();

    private ActivityProfiles() {
    }
}
