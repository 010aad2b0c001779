package com.budgetsync.api.schedule;

import com.budgetsync.workflow.AlertCheckWorkflow;
import com.budgetsync.workflow.TaskQueues;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the one alert-check cron workflow ({@link AlertCheckWorkflow#WORKFLOW_ID}, every 5 minutes) running: started
 * at API start-up and looked at again every {@code temporal.reconcileSeconds}, as schedules are (the embedded server
 * forgets it on restart). Its fixed id lets Temporal refuse a second one, so several API processes start one between
 * them.
 */
public final class AlertCheckSchedule implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AlertCheckSchedule.class);

    private final WorkflowClient client;
    private final Duration every;
    private ScheduledExecutorService timer;

    public AlertCheckSchedule(WorkflowClient client, Duration every) {
        this.client = client;
        this.every = every;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-check-schedule"));
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
            WorkflowClient.start(client.newWorkflowStub(AlertCheckWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(AlertCheckWorkflow.WORKFLOW_ID).setTaskQueue(TaskQueues.BUDGET_SYNC)
                    .setCronSchedule(AlertCheckWorkflow.CRON).build())::check);
            LOG.info("alert checks scheduled: '{}' ({})", AlertCheckWorkflow.CRON, AlertCheckWorkflow.WORKFLOW_ID);
            return true;
        } catch (WorkflowExecutionAlreadyStarted running) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("alert checks not scheduled, will retry in {}: {}", every, e.getMessage());
            return false;
        }
    }
}
