package com.budgetsync.workflow;

import com.budgetsync.domain.TriggeredBy;

/**
 * The input of {@link BudgetSyncWorkflow}, as ops type it into tctl:
 * {@code {"customerId":"acme","configId":1,"triggeredBy":"manual"}}.
 *
 * @param syncId      the run's id in sync_history; null for cron runs, which use their Temporal run id
 * @param fileId      a file already stored (upload, retry of a run): poll and download are skipped
 * @param force       skip the mass-deletion guard once
 */
public record SyncRequest(String customerId, long configId, TriggeredBy triggeredBy, String syncId, Long fileId,
                          boolean force) {
    public static SyncRequest cron(String customerId, long configId) {
        return new SyncRequest(customerId, configId, TriggeredBy.CRON, null, null, false);
    }
}
