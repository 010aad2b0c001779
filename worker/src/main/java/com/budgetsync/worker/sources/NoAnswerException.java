package com.budgetsync.worker.sources;

import java.time.Duration;

/**
 * A source that stayed silent ({@link SourceLimits#idle}) or did not finish within its deadline. Retryable: the
 * server may be back a moment later, but only while the run has waited less than {@link SourceLimits#noAnswer} in
 * all (the activity decides, it knows when the first attempt began).
 */
public final class NoAnswerException extends SourceException {
    private final SourceLimits limits;

    NoAnswerException(String message, SourceLimits limits, Stage stage) {
        super(message, true, stage, null);
        this.limits = limits;
    }

    public SourceLimits limits() {
        return limits;
    }

    /** Whether another attempt, as long as this one, would still end within {@link SourceLimits#noAnswer}. */
    public boolean worthAnotherAttempt(Duration waitedSoFar) {
        return waitedSoFar.plus(limits.idle()).compareTo(limits.noAnswer()) <= 0;
    }
}
