package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.TestConnectionActivity;
import com.budgetsync.workflow.TestConnectionWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs the connection test once: a person is waiting for what the source answers now, not after retries. */
public final class TestConnectionWorkflowImpl implements TestConnectionWorkflow {
    static final ActivityOptions ONCE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(45))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();

    private final TestConnectionActivity activity = Workflow.newActivityStub(TestConnectionActivity.class, ONCE);

    @Override
    public ConnectionReport test(long configId) {
        return activity.testConnection(configId);
    }
}
