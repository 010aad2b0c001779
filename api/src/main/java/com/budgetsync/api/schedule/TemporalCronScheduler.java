package com.budgetsync.api.schedule;

import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.WorkflowIds;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each scheduled config is one Temporal cron workflow, id {@code budget-sync-<customerId>-<configId>}. Applying a
 * config compares the cron schedule its running workflow was started with to what the config asks for and
 * starts, replaces (terminate + start) or terminates the workflow; when they agree it does nothing, which is what
 * reconciling against a real cluster that kept its workflows comes down to.
 */
public final class TemporalCronScheduler implements SyncScheduler {
    /** Memo key of the cron text, for people reading the Web UI. */
    public static final String MEMO_SCHEDULE = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(TemporalCronScheduler.class);

    private final WorkflowClient client;
    private final boolean cronTimeZones;
    private final boolean completeFailedRuns;
    private final Clock clock;

    /**
     * @param cronTimeZones whether the server honours {@code CRON_TZ=} (a real cluster does; the embedded test server
     *                      rejects it, so there every schedule runs in UTC)
     * @param completeFailedRuns failed scheduled runs complete (status failed in their result) instead of failing in
     *                      Temporal: for the embedded test server only, which cannot chain a cron after a failure
     */
    public TemporalCronScheduler(WorkflowClient client, boolean cronTimeZones, boolean completeFailedRuns,
                                 Clock clock) {
        this.client = client;
        this.completeFailedRuns = completeFailedRuns;
        this.cronTimeZones = cronTimeZones;
        this.clock = clock;
    }

    @Override
    public void apply(DataSourceConfig config) {
        String workflowId = WorkflowIds.schedule(config.customerId(), config.id());
        Optional<String> wanted = Optional.of(wanted(config)).filter(cron -> !cron.isEmpty());
        Optional<String> running = runningCron(workflowId);
        if (running.equals(wanted)) {
            return;
        }
        running.ifPresent(cron -> terminate(workflowId, wanted.isPresent()
                ? "schedule changed from '" + cron + "' to '" + wanted.get() + "'"
                : "config disabled or set to manual"));
        wanted.ifPresent(cron -> start(config, workflowId, cron));
    }

    @Override
    public void apply(DataSourceConfig config, Set<String> openIds) {
        if (isOpen(config, openIds)) {
            apply(config);
            return;
        }
        String wanted = wanted(config);
        if (!wanted.isEmpty()) {
            start(config, WorkflowIds.schedule(config.customerId(), config.id()), wanted);
        }
    }

    @Override
    public void remove(DataSourceConfig config) {
        String workflowId = WorkflowIds.schedule(config.customerId(), config.id());
        if (runningCron(workflowId).isPresent()) {
            terminate(workflowId, "config deleted");
        }
    }

    @Override
    public String wanted(DataSourceConfig config) {
        return schedule(config).map(CronSchedule::temporalCron).orElse("");
    }

    @Override
    public boolean isOpen(DataSourceConfig config, Set<String> openIds) {
        return openIds.contains(WorkflowIds.schedule(config.customerId(), config.id()));
    }

    @Override
    public Set<String> openIds() {
        Set<String> ids = new HashSet<>();
        ByteString page = ByteString.EMPTY;
        do {
            ListOpenWorkflowExecutionsResponse open = client.getWorkflowServiceStubs().blockingStub()
                    .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(BudgetSyncWorkflow.TYPE))
                            .setMaximumPageSize(1000).setNextPageToken(page).build());
            open.getExecutionsList().forEach(info -> ids.add(info.getExecution().getWorkflowId()));
            page = open.getNextPageToken();
        } while (!page.isEmpty());
        return ids;
    }

    @Override
    public void removeOrphans(Set<String> openIds, BiPredicate<String, Long> configExists) {
        for (String workflowId : openIds) {
            Optional<WorkflowIds.ScheduleOf> schedule = WorkflowIds.scheduleOf(workflowId);
            if (schedule.isPresent() && !configExists.test(schedule.get().customerId(), schedule.get().configId())
                    && !cronOf(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build()).isEmpty()) {
                terminate(workflowId, "its config no longer exists");
            }
        }
    }

    @Override
    public Optional<Instant> nextRun(DataSourceConfig config) {
        return schedule(config).map(s -> s.nextAfter(clock.instant()));
    }

    private Optional<CronSchedule> schedule(DataSourceConfig config) {
        return CronSchedule.of(config).map(s -> cronTimeZones ? s : s.inUtc());
    }

    /** The cron text of the config's running schedule workflow; empty when none runs. */
    private Optional<String> runningCron(String workflowId) {
        try {
            WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
            if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                return Optional.empty();
            }
            return Optional.of(cronOf(description.getExecution()));
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The cron schedule a run was started with, from its first history event ("" for a workflow started by hand).
     * Not the memo: the embedded server does not carry memos over to later cron runs.
     */
    private String cronOf(WorkflowExecution execution) {
        return client.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(
                        GetWorkflowExecutionHistoryRequest.newBuilder()
                                .setNamespace(client.getOptions().getNamespace())
                                .setExecution(execution).setMaximumPageSize(1).build())
                .getHistory().getEvents(0).getWorkflowExecutionStartedEventAttributes().getCronSchedule();
    }

    private void start(DataSourceConfig config, String workflowId, String cron) {
        WorkflowOptions base = SyncRunner.options(config, workflowId);
        Map<String, Object> memo = new HashMap<>(base.getMemo());
        memo.put(MEMO_SCHEDULE, cron);
        WorkflowOptions options = WorkflowOptions.newBuilder(base).setCronSchedule(cron).setMemo(memo).build();
        BudgetSyncWorkflow workflow = client.newWorkflowStub(BudgetSyncWorkflow.class, options);
        try {
            WorkflowClient.start(workflow::sync,
                    SyncRequest.cron(config.customerId(), config.id(), completeFailedRuns));
            LOG.info("schedule {} started: '{}'", workflowId, cron);
        } catch (WorkflowExecutionAlreadyStarted e) {
            // Another API process applied the same config a moment ago.
            LOG.info("schedule {} was started by another process", workflowId);
        }
    }

    private void terminate(String workflowId, String reason) {
        try {
            client.newUntypedWorkflowStub(workflowId).terminate(reason);
            LOG.info("schedule {} terminated: {}", workflowId, reason);
        } catch (WorkflowNotFoundException e) {
            // Already gone: what we wanted.
        }
    }
}
