package com.budgetsync.worker.activities;

import com.budgetsync.worker.sources.NoAnswerException;
import com.budgetsync.worker.sources.SourceException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/** Turns a source error into a Temporal failure that is retried only when retrying can help. */
final class SourceFailures {
    static final String NO_ANSWER = "SourceNoAnswer";

    private SourceFailures() {
    }

    static ApplicationFailure of(SourceException e) {
        if (e instanceof NoAnswerException silent) {
            return noAnswer(silent);
        }
        return e.retryable()
                ? ApplicationFailure.newFailure(e.getMessage(), "SourceUnavailable")
                : BadInput.of(e.getMessage());
    }

    /**
     * Tried again only while another attempt would still end within the config's {@code noAnswerSeconds} since
     * the first attempt began; then the run fails saying how long the source was given.
     */
    private static ApplicationFailure noAnswer(NoAnswerException e) {
        ActivityInfo info;
        try {
            info = Activity.getExecutionContext().getInfo();
        } catch (IllegalStateException notInAnActivity) { // an implementation called directly, e.g. by a test
            return ApplicationFailure.newNonRetryableFailure(e.getMessage(), NO_ANSWER);
        }
        Duration waited = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - info.getScheduledTimestamp()));
        if (e.worthAnotherAttempt(waited)) {
            return ApplicationFailure.newFailure(e.getMessage(), NO_ANSWER);
        }
        return ApplicationFailure.newNonRetryableFailure(e.getMessage() + " (gave up after " + info.getAttempt()
                + (info.getAttempt() == 1 ? " attempt" : " attempts") + " in " + waited.toSeconds() + " s)",
                NO_ANSWER);
    }
}
