package com.budgetsync.api.views;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.db.HistoryFilter;
import com.budgetsync.domain.SyncStatus;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The history's filters as query parameters ({@code @BeanParam}), shared by the paged list and the CSV export:
 * {@code customerId} (required), {@code configId}, {@code status}, {@code from} and {@code to} (ISO-8601 instants,
 * start time from inclusive, to exclusive).
 */
public class HistoryQuery {
    @QueryParam("customerId")
    @NotNull
    @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE)
    private String customerId;

    @QueryParam("configId")
    @Min(1)
    private Long configId;

    @QueryParam("status")
    private String status;

    @QueryParam("from")
    private String from;

    @QueryParam("to")
    private String to;

    /** The filter, once the caller is allowed this customer (403 otherwise) and every value reads (400 otherwise). */
    public HistoryFilter filterFor(Caller caller) {
        caller.checkCustomer(customerId);
        return new HistoryFilter(customerId, configId, status(), instant("from", from), instant("to", to));
    }

    private SyncStatus status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(SyncStatus.values()).filter(s -> s.dbValue().equals(status.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiException.badRequest("status '" + status + "' is not one of "
                        + Arrays.stream(SyncStatus.values()).map(SyncStatus::dbValue).toList()));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " '" + value + "' is not an ISO-8601 instant such as "
                    + "2026-01-31T00:00:00Z");
        }
    }
}
