package com.budgetsync.api.core;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.runs.RunInProgressException;
import com.budgetsync.runs.RunSlots;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts runs now (trigger, upload, retry, sync-file) as their own workflow executions. The history row is written
 * before the workflow starts, so the sync id the caller gets back is in the history at once.
 */
public final class SyncRunner {
    private final WorkflowClient client;
    private final SyncHistoryDao history;
    private final RunSlots slots;

    public SyncRunner(WorkflowClient client, SyncHistoryDao history) {
        this.client = client;
        this.history = history;
        this.slots = new RunSlots(history, client);
    }

    /** A started run: its id in sync_history and its workflow in Temporal. */
    public record StartedRun(String syncId, String workflowId, String runId) {
    }

    /**
     * Starts a run of {@code config}; with a stored {@code file} (upload, retry) it skips poll and download. Throws
     * {@link RunInProgressException} while another run of the config is going.
     */
    public StartedRun start(DataSourceConfig config, TriggeredBy triggeredBy, StoredFile file, boolean force) {
        String syncId = UUID.randomUUID().toString();
        String workflowId = WorkflowIds.run(config.customerId(), config.id(), syncId);
        RunIdentity run = new RunIdentity(syncId, config.customerId(), config.id(), workflowId, null, triggeredBy);
        slots.claim(run).ifPresent(holder -> {
            throw new RunInProgressException(config.id(), holder);
        });
        if (file != null) {
            history.attachFile(syncId, file.id(), file.filename());
        }
        BudgetSyncWorkflow workflow = client.newWorkflowStub(BudgetSyncWorkflow.class, options(config, workflowId));
        try {
            WorkflowExecution execution = WorkflowClient.start(workflow::sync,
                    new SyncRequest(config.customerId(), config.id(), triggeredBy, syncId,
                            file == null ? null : file.id(), force));
            return new StartedRun(syncId, workflowId, execution.getRunId());
        } catch (RuntimeException e) {
            history.finish(syncId, SyncStatus.FAILED, "could not start the workflow: " + e.getMessage(), List.of());
            throw e;
        }
    }

    /** Options every budget-sync workflow start shares: task queue, id, and a memo the Web UI shows. */
    public static WorkflowOptions options(DataSourceConfig config, String workflowId) {
        return WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BUDGET_SYNC)
                .setWorkflowId(workflowId)
                .setMemo(Map.of("customerId", config.customerId(), "configId", config.id(),
                        "sourceType", config.sourceType().dbValue()))
                .build();
    }
}
