package com.budgetsync.runs;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run per config at a time, across every API and worker process. A config's slot is its running sync_history
 * row (a unique index in PostgreSQL). A row whose workflow Temporal no longer runs (terminated by an operator,
 * forgotten by a restarted embedded server) is closed as failed on the way, so it cannot block its config for ever.
 */
public final class RunSlots {
    /** A run recorded by the API before its workflow started: Temporal may not know it yet. */
    private static final Duration START_GRACE = Duration.ofMinutes(1);

    private final SyncHistoryDao history;
    private final WorkflowClient client;

    public RunSlots(SyncHistoryDao history, WorkflowClient client) {
        this.history = history;
        this.client = client;
    }

    /** Records the run as running and returns empty, or returns the sync id of the run that holds the config. */
    public Optional<String> claim(RunIdentity run) {
        Optional<String> holder = history.claim(run);
        if (holder.isPresent() && history.find(holder.get()).filter(this::abandoned).isPresent()) {
            history.finish(holder.get(), SyncStatus.FAILED, "abandoned: its workflow is no longer running in Temporal"
                    + " (terminated, or lost by a restart of the embedded server)", List.of());
            return history.claim(run);
        }
        return holder;
    }

    private boolean abandoned(SyncRecord run) {
        if (run.workflowId() == null) {
            return startedBefore(run, START_GRACE);
        }
        try {
            WorkflowExecutionStatus status = client.newUntypedWorkflowStub(run.workflowId(),
                    Optional.ofNullable(run.runId()), Optional.empty()).describe().getStatus();
            return status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException e) {
            return startedBefore(run, START_GRACE);
        } catch (StatusRuntimeException e) {
            // Temporal unreachable or unsure: keep the lock rather than risk two imports at once.
            return e.getStatus().getCode() == Status.Code.NOT_FOUND && startedBefore(run, START_GRACE);
        }
    }

    private static boolean startedBefore(SyncRecord run, Duration age) {
        return run.startTime().isBefore(Instant.now().minus(age));
    }
}
