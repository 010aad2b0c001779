package com.budgetsync.workflow;

import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.TriggeredBy;

/** Identifies a run to the activities: ids only, everything else is read from PostgreSQL by id. */
public record RunInput(String syncId, String customerId, long configId, TriggeredBy triggeredBy, String workflowId,
                       String runId) {
    public RunIdentity identity() {
        return new RunIdentity(syncId, customerId, configId, workflowId, runId, triggeredBy);
    }
}
