package com.budgetsync.api.views;

import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A sync_history row as the API shows it; the list view leaves out the mapping, the layout, the review questions and
 * who was notified (webhooks masked).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncView(String syncId, String customerId, Long configId, String workflowId, String runId,
                       String triggeredBy, String status, String filename, Instant startTime, Instant endTime,
                       Long durationMs, SyncStats stats, List<RowError> errors, List<String> warnings,
                       JsonNode layout, JsonNode mapping, String message, JsonNode reviewQuestions,
                       List<NotificationDelivery> notifications) {
    public static SyncView summary(SyncRecord r) {
        return of(r, null);
    }

    public static SyncView detail(SyncRecord r, List<NotificationDelivery> notifications) {
        return of(r, notifications);
    }

    private static SyncView of(SyncRecord r, List<NotificationDelivery> notifications) {
        boolean detail = notifications != null;
        return new SyncView(r.syncId(), r.customerId(), r.configId(), r.workflowId(), r.runId(),
                r.triggeredBy().dbValue(), r.status().dbValue(), r.filename(), r.startTime(), r.endTime(),
                r.durationMs(), r.stats(), r.errors(), r.warnings(), detail ? r.layout() : null,
                detail ? r.mapping() : null, r.message(), detail ? r.reviewQuestions() : null, notifications);
    }
}
