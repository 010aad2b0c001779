package com.budgetsync.api.core;

import com.budgetsync.api.errors.ApiException;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.TestConnectionWorkflow;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a worker to test a config's connection (the worker holds network access and credentials) and waits for the
 * answer. A worker that does not answer in time gives a 504, so a request never hangs on a missing worker.
 */
public final class ConnectionTests {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final WorkflowClient client;

    public ConnectionTests(WorkflowClient client) {
        this.client = client;
    }

    public ConnectionReport test(DataSourceConfig config) {
        TestConnectionWorkflow workflow = client.newWorkflowStub(TestConnectionWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.connectionTest(config.customerId(), config.id(),
                                UUID.randomUUID().toString()))
                        .setWorkflowExecutionTimeout(TIMEOUT).build());
        WorkflowClient.start(workflow::test, config.id());
        try {
            return WorkflowStub.fromTyped(workflow).getResult(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                    ConnectionReport.class);
        } catch (TimeoutException e) {
            throw new ApiException(504, "no worker answered the connection test within " + TIMEOUT.toSeconds()
                    + " s; is a worker running?");
        } catch (WorkflowFailedException e) {
            if (rootCause(e) instanceof ApplicationFailure failure && !failure.isNonRetryable()) {
                throw e;
            }
            throw rootCause(e) instanceof ApplicationFailure failure
                    ? ApiException.badRequest(failure.getOriginalMessage()) : e;
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
