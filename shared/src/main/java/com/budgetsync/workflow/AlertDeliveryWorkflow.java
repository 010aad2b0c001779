package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers one alert raised outside the alert checks — a budget's threshold or an over-budget request, raised by the
 * API inside a reservation or by an import that changed a budget's amount — through the same activity (and retries)
 * as the checks' alerts. Its id is
 * {@link WorkflowIds#alertDelivery}, so an alert is delivered by one workflow only.
 */
@WorkflowInterface
public interface AlertDeliveryWorkflow {
    @WorkflowMethod
    void deliver(long alertId);
}
