package com.budgetsync.api.views;

import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A sync_history row as the API shows it; the list view leaves out the mapping, the layout, the review questions and
 * who was notified (webhooks masked). {@code id} is the row's number, {@code syncId} the id every other endpoint
 * takes; {@code sourceType} is the config's (left out once the config is deleted); {@code fileId} the stored file it
 * read, which a dry run of the config takes. {@code stats} are what the run applied; {@code planned} (only for a run
 * the deletion guard held) what it would have done once approved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncView(long id, String syncId, String customerId, Long configId, String sourceType, String workflowId,
                       String runId, String triggeredBy, String status, String filename, Long fileId,
                       Instant startTime, Instant endTime, Long durationMs, SyncStats stats, SyncStats planned,
                       List<RowError> errors,
                       List<String> warnings, JsonNode layout, JsonNode mapping, String message, JsonNode reviewQuestions,
                       List<NotificationDelivery> notifications) {
    public static SyncView summary(SyncRecord r, String sourceType) {
        return of(r, sourceType, null);
    }

    public static SyncView detail(SyncRecord r, String sourceType, List<NotificationDelivery> notifications) {
        return of(r, sourceType, notifications);
    }

    private static SyncView of(SyncRecord r, String sourceType, List<NotificationDelivery> notifications) {
        boolean detail = notifications != null;
        return new SyncView(r.id(), r.syncId(), r.customerId(), r.configId(), sourceType, r.workflowId(), r.runId(),
                r.triggeredBy().dbValue(), r.status().dbValue(), r.filename(), r.fileId(), r.startTime(), r.endTime(),
                r.durationMs(), r.stats(), r.planned(), r.errors(), r.warnings(), detail ? shownLayout(r.layout()) : null,
                detail ? r.mapping() : null, r.message(), detail ? r.reviewQuestions() : null, notifications);
    }

    /**
     * The stored layout counts the header row from 0 (that is how it travels in workflow history); the API numbers
     * rows as a spreadsheet does, from 1, like the rows of errors and the preview's headerRow.
     */
    private static JsonNode shownLayout(JsonNode layout) {
        if (layout instanceof ObjectNode stored && stored.path("headerRow").isInt()) {
            ObjectNode shown = stored.deepCopy();
            shown.put("headerRow", stored.get("headerRow").asInt() + 1);
            return shown;
        }
        return layout;
    }
}
