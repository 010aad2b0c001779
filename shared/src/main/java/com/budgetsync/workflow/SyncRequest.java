package com.budgetsync.workflow;

import com.budgetsync.domain.TriggeredBy;

/**
 * The input of {@link BudgetSyncWorkflow}, as ops type it into tctl:
 * {@code {"customerId":"acme","configId":1,"triggeredBy":"manual"}}.
 *
 * @param syncId      the run's id in sync_history; null for cron runs, which use their Temporal run id
 * @param fileId      a file already stored (upload, retry of a run): poll and download are skipped
 * @param force       skip the mass-deletion guard once
 * @param completeFailedCronRun a failed scheduled run completes with status failed in its result instead of failing
 *                    in Temporal: only for the embedded test server, which cannot start the next cron run after a
 *                    failed one; on a real cluster failed runs are red (false, also when left out)
 */
public record SyncRequest(String customerId, long configId, TriggeredBy triggeredBy, String syncId, Long fileId,
                          boolean force, boolean completeFailedCronRun) {
    public SyncRequest(String customerId, long configId, TriggeredBy triggeredBy, String syncId, Long fileId,
                       boolean force) {
        this(customerId, configId, triggeredBy, syncId, fileId, force, false);
    }

    public static SyncRequest cron(String customerId, long configId, boolean completeFailedCronRun) {
        return new SyncRequest(customerId, configId, TriggeredBy.CRON, null, null, false, completeFailedCronRun);
    }
}
