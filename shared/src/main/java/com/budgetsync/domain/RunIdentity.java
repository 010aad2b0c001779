package com.budgetsync.domain;

/**
 * Which run this is: its sync id, the customer and config it syncs, the Temporal workflow and run executing it (the
 * run id is null until the workflow has started), and who started it.
 */
public record RunIdentity(String syncId, String customerId, long configId, String workflowId, String runId,
                          TriggeredBy triggeredBy) {
}
