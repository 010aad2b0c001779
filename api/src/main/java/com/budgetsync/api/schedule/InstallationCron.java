package com.budgetsync.api.schedule;

import com.budgetsync.workflow.AlertCheckWorkflow;
import com.budgetsync.workflow.RetentionWorkflow;
import com.budgetsync.workflow.TaskQueues;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one installation-wide cron workflow running (the alert checks, every 5 minutes; retention, daily): started at
 * API start-up and looked at again every {@code temporal.reconcileSeconds}, as schedules are (the embedded server
 * forgets it on restart). Its fixed id lets Temporal refuse a second one, so several API processes start one between
 * them.
 */
public final class InstallationCron implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(InstallationCron.class);

    private final WorkflowClient client;
    private final Duration every;
    private final String what;
    private final String workflowId;
    private final String cron;
    private final Consumer<WorkflowOptions> start;
    private ScheduledExecutorService timer;

    private InstallationCron(WorkflowClient client, Duration every, String what, String workflowId, String cron,
                             Consumer<WorkflowOptions> start) {
        this.client = client;
        this.every = every;
        this.what = what;
        this.workflowId = workflowId;
        this.cron = cron;
        this.start = start;
    }

    public static InstallationCron alertChecks(WorkflowClient client, Duration every) {
        return new InstallationCron(client, every, "alert checks", AlertCheckWorkflow.WORKFLOW_ID,
                AlertCheckWorkflow.CRON, options -> WorkflowClient.start(
                        client.newWorkflowStub(AlertCheckWorkflow.class, options)::check));
    }

    public static InstallationCron retention(WorkflowClient client, Duration every) {
        return new InstallationCron(client, every, "retention", RetentionWorkflow.WORKFLOW_ID, RetentionWorkflow.CRON,
                options -> WorkflowClient.start(client.newWorkflowStub(RetentionWorkflow.class, options)::purge));
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, workflowId + "-schedule"));
        timer.scheduleWithFixedDelay(this::ensureRunning, 0, every.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Starts the cron workflow unless it runs; false when Temporal could not be reached (logged, tried later). */
    public boolean ensureRunning() {
        try {
            start.accept(WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TaskQueues.BUDGET_SYNC)
                    .setCronSchedule(cron).build());
            LOG.info("{} scheduled: '{}' ({})", what, cron, workflowId);
            return true;
        } catch (WorkflowExecutionAlreadyStarted running) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{} not scheduled, will retry in {}: {}", what, every, e.getMessage());
            return false;
        }
    }
}
