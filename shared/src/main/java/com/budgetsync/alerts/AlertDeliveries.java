package com.budgetsync.alerts;

import com.budgetsync.workflow.AlertDeliveryWorkflow;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a budget alert (a threshold, an over-budget request), raised by a reservation in the API or by an import in
 * the worker, to a worker for delivery through the customer's channels. The alert is already in the alerts list; when
 * Temporal cannot be reached it stays there undelivered (logged) rather than failing what raised it.
 */
public final class AlertDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDeliveries.class);

    private AlertDeliveries() {
    }

    /** Starts the delivery of {@code alertId}; a second start of the same alert is a no-op. */
    public static void start(WorkflowClient client, long alertId) {
        try {
            WorkflowClient.start(client.newWorkflowStub(AlertDeliveryWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(WorkflowIds.alertDelivery(alertId))
                    .setTaskQueue(TaskQueues.BUDGET_SYNC).build())::deliver, alertId);
        } catch (WorkflowExecutionAlreadyStarted started) {
            LOG.debug("alert {}: delivery already started", alertId);
        } catch (RuntimeException e) {
            LOG.warn("alert {} raised but not handed over for delivery: {}", alertId, e.getMessage());
        }
    }
}
