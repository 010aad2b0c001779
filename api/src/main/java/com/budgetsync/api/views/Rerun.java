package com.budgetsync.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The 202 of a retry or an approval: the old run ({@code retriedSyncId} or {@code approvedSyncId}) and the new one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rerun(String retriedSyncId, String approvedSyncId, String syncId, String workflowId) {
}
