package com.budgetsync.api.core;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.ChangePreviewWorkflow;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks a worker for a dry run of a stored file with a config (the import engine lives in the worker) and waits for
 * what it would change. Nothing is written: the worker compares inside a transaction it rolls back.
 */
public final class ChangePreviews {
    /** A million-row file compares in about 15 s on a quiet machine; a busy one gets the rest. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final WorkflowClient client;

    public ChangePreviews(WorkflowClient client) {
        this.client = client;
    }

    public ChangePreview preview(DataSourceConfig config, StoredFile file) {
        ChangePreviewWorkflow workflow = client.newWorkflowStub(ChangePreviewWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.changePreview(config.customerId(), config.id(),
                                UUID.randomUUID().toString()))
                        .setWorkflowExecutionTimeout(TIMEOUT).build());
        WorkflowClient.start(workflow::preview, config.id(), file.id());
        return WorkerAnswers.await(WorkflowStub.fromTyped(workflow), TIMEOUT, ChangePreview.class, "dry run");
    }
}
