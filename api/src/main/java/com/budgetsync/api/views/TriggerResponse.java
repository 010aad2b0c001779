package com.budgetsync.api.views;

import java.util.List;
import java.util.Map;

/**
 * The seed's trigger answer ({@code success}, {@code message}) plus the sync id of each started run, and the configs
 * left alone because a run of theirs was still going ({@code busy}: config id → running sync id).
 */
public record TriggerResponse(boolean success, String message, String syncId, String workflowId,
                              List<StartedSync> runs, Map<Long, String> busy) {
}
