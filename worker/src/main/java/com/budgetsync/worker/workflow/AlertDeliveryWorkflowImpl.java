package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.AlertCheckActivity;
import com.budgetsync.workflow.AlertDeliveryWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/** One alert's delivery, with the alert checks' activity and its retries of pending recipients. */
public final class AlertDeliveryWorkflowImpl implements AlertDeliveryWorkflow {
    private static final Logger LOG = Workflow.getLogger(AlertDeliveryWorkflowImpl.class);

    private final AlertCheckActivity activities = Workflow.newActivityStub(AlertCheckActivity.class,
            ActivityProfiles.SHORT);

    @Override
    public void deliver(long alertId) {
        try {
            activities.deliverAlert(alertId);
        } catch (ActivityFailure e) {
            // the deliveries record each recipient's failure; the alert stays in the alerts list either way
            LOG.warn("alert {} not delivered: {}", alertId, e.getCause().getMessage());
        }
    }
}
