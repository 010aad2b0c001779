package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One alert ({@code alert}): raised once per episode (its key), open until the condition ends or someone closes it.
 *
 * @param syncId   the run it is about (slow run, error rate, the streak's latest run); null otherwise
 * @param closedBy who or what closed it: {@code resolved} (the condition ended), {@code recovered} (stale data
 *                 imported again), or the caller that closed it through the API
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(long id, String customerId, Long configId, AlertKind kind, String message, String syncId,
                    Instant raisedAt, Instant closedAt, String closedBy) {
    public boolean open() {
        return closedAt == null;
    }
}
