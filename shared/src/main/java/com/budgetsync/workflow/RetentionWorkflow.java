package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Retention: one cron workflow ({@link #WORKFLOW_ID}, daily) for the whole installation, started by the API. Each run
 * is one pass: stored files past retention lose their contents, history past its period goes, the space is vacuumed.
 */
@WorkflowInterface
public interface RetentionWorkflow {
    String WORKFLOW_ID = "budget-sync-retention";
    /** 03:17 UTC: a quiet hour, off the round minutes the configs' schedules favour. */
    String CRON = "17 3 * * *";

    @WorkflowMethod
    RetentionReport purge();
}
