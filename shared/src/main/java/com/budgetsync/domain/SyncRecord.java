package com.budgetsync.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code sync_history}: a run, what it read, what it did and what went wrong; {@code reviewQuestions} are
 * the decisions a needs_review run waits for (field, question, ranked candidate columns). {@code stats} are what the
 * run applied; {@code planned}, only for a run held before applying (the deletion guard), what it would have done.
 */
public record SyncRecord(long id, String syncId, String customerId, Long configId, String workflowId, String runId,
                         TriggeredBy triggeredBy, SyncStatus status, Long fileId, String filename,
                         Instant startTime, Instant endTime, Long durationMs, SyncStats stats,
                         List<RowError> errors, List<String> warnings, JsonNode layout, JsonNode mapping,
                         String message, JsonNode reviewQuestions, SyncStats planned) {
}
