package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The alert checks: one cron workflow ({@link #WORKFLOW_ID}, every 5 minutes) for the whole installation, started by
 * the API. Each run checks every config once and delivers the alerts it raised.
 */
@WorkflowInterface
public interface AlertCheckWorkflow {
    String WORKFLOW_ID = "budget-sync-alert-checks";
    String CRON = "*/5 * * * *";

    @WorkflowMethod
    void check();
}
