package com.budgetsync.workflow;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;

/** What a run ended with: small, it is the workflow's result in the Web UI. */
public record SyncResult(String syncId, SyncStatus status, SyncStats stats, String message) {
}
