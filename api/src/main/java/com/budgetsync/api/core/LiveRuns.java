package com.budgetsync.api.core;

import com.budgetsync.api.temporal.TemporalConnection;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the runs PostgreSQL calls {@code running} are doing in Temporal right now: their activities (running, stuck,
 * waiting for a worker) and the rows whose workflow is gone. Health reports it; the numbers come from Temporal, so
 * they hold for every worker process, not only one in this JVM.
 */
public final class LiveRuns {
    /** The file steps' heartbeat timeout: an activity silent for longer makes no progress. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);
    /** Longer than this in the task queue means no worker could take the activity (all slots taken, or none). */
    static final Duration WAITING_TOO_LONG = Duration.ofSeconds(60);
    /** A row recorded by the API before its workflow started: Temporal may not know it yet. */
    static final Duration START_GRACE = Duration.ofMinutes(1);
    /** {@link RunWithoutWorkflow#workflow} of a workflow Temporal does not know at all. */
    public static final String NOT_FOUND = "not found";
    /** Enough for health; the oldest runs first, they are the suspicious ones. */
    private static final int MAX_RUNS_LOOKED_AT = 200;

    private final Jdbi jdbi;
    private final TemporalConnection temporal;
    private final Clock clock;

    public LiveRuns(Jdbi jdbi, TemporalConnection temporal, Clock clock) {
        this.jdbi = jdbi;
        this.temporal = temporal;
        this.clock = clock;
    }

    /** An activity of a running run as Temporal sees it; {@code progress} is its last heartbeat's details. */
    public record ActivityView(String syncId, String customerId, String activity, int attempt, long silentSeconds,
                               Map<String, Object> progress, String worker) {
    }

    /** A {@code running} row whose workflow Temporal does not run (lost by a restart, terminated, or finished). */
    public record RunWithoutWorkflow(String syncId, String customerId, Long configId, Instant startTime,
                                     String workflow) {
    }

    /** {@code activitiesRunning}: worker slots in use across all workers. */
    public record Snapshot(int activitiesRunning, List<ActivityView> stuck, List<ActivityView> waitingForWorker,
                           Long oldestRunningRunSeconds, List<RunWithoutWorkflow> withoutWorkflow) {
        static final Snapshot UNKNOWN = new Snapshot(0, List.of(), List.of(), null, List.of());
    }

    private record Row(String syncId, String customerId, Long configId, String workflowId, String runId,
                       Instant startTime) {
    }

    public Snapshot look() {
        Instant now = clock.instant();
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT sync_id, customer_id, config_id, workflow_id, run_id, start_time FROM sync_history
                         WHERE status = 'running' ORDER BY start_time LIMIT :max""")
                .bind("max", MAX_RUNS_LOOKED_AT)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list());
        int running = 0;
        List<ActivityView> stuck = new ArrayList<>();
        List<ActivityView> waiting = new ArrayList<>();
        List<RunWithoutWorkflow> orphans = new ArrayList<>();
        for (Row row : rows) {
            Optional<DescribeWorkflowExecutionResponse> described = describe(row);
            WorkflowExecutionStatus status = described.map(d -> d.getWorkflowExecutionInfo().getStatus())
                    .orElse(null);
            if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                if (row.startTime().isBefore(now.minus(START_GRACE))) {
                    orphans.add(new RunWithoutWorkflow(row.syncId(), row.customerId(), row.configId(),
                            row.startTime(), status == null ? NOT_FOUND : words(status)));
                }
                continue;
            }
            for (PendingActivityInfo activity : described.get().getPendingActivitiesList()) {
                if (activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) {
                    running++;
                    Instant lastSign = latest(activity.getLastStartedTime(), activity.getLastHeartbeatTime());
                    Duration silent = Duration.between(lastSign, now);
                    if (silent.compareTo(STUCK_AFTER) > 0) {
                        stuck.add(view(row, activity, silent));
                    }
                } else if (activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED
                        && activity.hasScheduledTime()) {
                    Duration queued = Duration.between(instant(activity.getScheduledTime()), now);
                    if (queued.compareTo(WAITING_TOO_LONG) > 0) {
                        waiting.add(view(row, activity, queued));
                    }
                }
            }
        }
        Long oldest = rows.isEmpty() ? null : Duration.between(rows.get(0).startTime(), now).toSeconds();
        return new Snapshot(running, stuck, waiting, oldest, orphans);
    }

    private Optional<DescribeWorkflowExecutionResponse> describe(Row row) {
        if (row.workflowId() == null) {
            return Optional.empty();
        }
        WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(row.workflowId());
        if (row.runId() != null) {
            execution.setRunId(row.runId());
        }
        try {
            return Optional.of(temporal.stubs().blockingStub().describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(temporal.client().getOptions().getNamespace())
                            .setExecution(execution).build()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The innermost message of a failed workflow's failure: the activity's words the run would have recorded. */
    public Optional<String> failureOf(RunWithoutWorkflow run) {
        Optional<String> workflowId = jdbi.withHandle(h -> h.createQuery(
                        "SELECT workflow_id FROM sync_history WHERE sync_id = :id").bind("id", run.syncId())
                .mapTo(String.class).findOne());
        if (workflowId.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEvent> events = temporal.client().fetchHistory(workflowId.get()).getEvents();
        if (events.isEmpty() || !events.get(events.size() - 1).hasWorkflowExecutionFailedEventAttributes()) {
            return Optional.empty();
        }
        Failure failure = events.get(events.size() - 1).getWorkflowExecutionFailedEventAttributes().getFailure();
        while (failure.hasCause()) {
            failure = failure.getCause();
        }
        return Optional.of(failure.getMessage());
    }

    @SuppressWarnings("unchecked")
    private ActivityView view(Row row, PendingActivityInfo activity, Duration silent) {
        Map<String, Object> progress = null;
        if (activity.hasHeartbeatDetails() && activity.getHeartbeatDetails().getPayloadsCount() > 0) {
            try {
                progress = temporal.client().getOptions().getDataConverter()
                        .fromPayloads(0, Optional.of(activity.getHeartbeatDetails()), Map.class, Map.class);
            } catch (RuntimeException e) {
                progress = null; // details of another shape (an older worker): the rest still tells the story
            }
        }
        return new ActivityView(row.syncId(), row.customerId(), activity.getActivityType().getName(),
                activity.getAttempt(), silent.toSeconds(), progress,
                activity.getLastWorkerIdentity().isEmpty() ? null : activity.getLastWorkerIdentity());
    }

    private static Instant latest(Timestamp a, Timestamp b) {
        Instant first = instant(a);
        Instant second = instant(b);
        return first.isAfter(second) ? first : second;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static String words(WorkflowExecutionStatus status) {
        return status.name().substring("WORKFLOW_EXECUTION_STATUS_".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
