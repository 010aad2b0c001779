package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.AlertCheckActivity;
import com.budgetsync.workflow.AlertCheckWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Checks with the workflow's clock (so the checks are deterministic and tests skip time), then delivers each raised
 * alert. Never fails: a failed cron run would stop the embedded test server's cron chain, and the next run five
 * minutes later checks again anyway.
 */
public final class AlertCheckWorkflowImpl implements AlertCheckWorkflow {
    private static final Logger LOG = Workflow.getLogger(AlertCheckWorkflowImpl.class);

    private final AlertCheckActivity activities = Workflow.newActivityStub(AlertCheckActivity.class,
            ActivityProfiles.SHORT);

    @Override
    public void check() {
        List<Long> raised;
        try {
            raised = activities.checkAlerts(Workflow.currentTimeMillis());
        } catch (ActivityFailure e) {
            LOG.warn("alert checks failed, the next run checks again: {}", e.getCause().getMessage());
            return;
        }
        for (long alertId : raised) {
            try {
                activities.deliverAlert(alertId);
            } catch (ActivityFailure e) {
                LOG.warn("alert {} not delivered: {}", alertId, e.getCause().getMessage());
            }
        }
    }
}
