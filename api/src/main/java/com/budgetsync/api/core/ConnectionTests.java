package com.budgetsync.api.core;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.TestConnectionWorkflow;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;

/** Asks a worker to test a config's connection (the worker holds network access and credentials) and waits. */
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
        return WorkerAnswers.await(WorkflowStub.fromTyped(workflow), TIMEOUT, ConnectionReport.class,
                "connection test");
    }
}
