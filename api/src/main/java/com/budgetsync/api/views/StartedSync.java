package com.budgetsync.api.views;

/** One run a trigger or upload started. */
public record StartedSync(long configId, String syncId, String workflowId, String runId) {
}
