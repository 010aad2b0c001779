package com.budgetsync.api.views;

import java.util.List;
import java.util.Map;

/**
 * The specification's trigger answer ({@code success}, {@code message}, {@code customerId}) plus the sync id of each
 * started run, and the configs left alone because a run of theirs was still going ({@code busy}: config id → running
 * sync id).
 */
public record TriggerResponse(boolean success, String message, String customerId, String syncId, String workflowId,
                              List<StartedSync> runs, Map<Long, String> busy) {
    public static final String MESSAGE = "Sync triggered successfully";
}
