package com.budgetsync.api.views;

import java.util.List;

/** The seed's trigger answer ({@code success}, {@code message}) plus the sync id of each started run. */
public record TriggerResponse(boolean success, String message, String syncId, String workflowId,
                              List<StartedSync> runs) {
}
