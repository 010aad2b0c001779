package com.budgetsync.api.core;

import com.budgetsync.api.errors.ApiException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a short workflow a person is waiting on (a connection test, a dry run): a worker that does not answer in
 * time gives a 504, so a request never hangs on a missing worker; what the worker refused as bad input is a 400
 * with its words.
 */
final class WorkerAnswers {
    private WorkerAnswers() {
    }

    static <T> T await(WorkflowStub started, Duration timeout, Class<T> type, String what) {
        try {
            return started.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, type);
        } catch (TimeoutException e) {
            throw new ApiException(504, "no worker answered the " + what + " within " + timeout.toSeconds()
                    + " s; is a worker running?");
        } catch (WorkflowFailedException e) {
            if (rootCause(e) instanceof ApplicationFailure failure && failure.isNonRetryable()) {
                throw ApiException.badRequest(failure.getOriginalMessage());
            }
            throw e;
        }
    }

    private static Throwable rootCause(WorkflowFailedException e) {
        Throwable cause = e.getCause();
        while (cause instanceof TemporalFailure && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
