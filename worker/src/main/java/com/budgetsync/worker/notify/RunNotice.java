package com.budgetsync.worker.notify;

import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a notification says about a run, in every channel: it is also the generic webhook's JSON body. {@code stats}
 * are exact, named as the history API names them; {@code errors} are the first {@value #MAX_ERRORS} row errors
 * ({@code stats.errors} counts them all).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunNotice(String syncId, String customerId, Long configId, String configName, String status,
                        String message, String filename, SyncStats stats, List<RowError> errors,
                        String historyUrl) implements Notice {
    public static final int MAX_ERRORS = 10;

    public static RunNotice of(SyncRecord run, String configName, String historyUrl) {
        List<RowError> first = run.errors().size() > MAX_ERRORS ? run.errors().subList(0, MAX_ERRORS) : run.errors();
        return new RunNotice(run.syncId(), run.customerId(), run.configId(), configName, run.status().dbValue(),
                run.message(), run.filename(), run.stats(), List.copyOf(first), historyUrl);
    }

    /** The body's former name for {@link #stats}, sent beside it for one release (deprecated, docs/notifications.md). */
    @Deprecated
    @JsonProperty("counts")
    public SyncStats counts() {
        return stats;
    }

    /** The generic webhook body is the notice itself. */
    @Override
    public Object body() {
        return this;
    }

    /** One line, for an email subject: no line breaks, whatever the config's name holds. */
    @Override
    public String subject() {
        return oneLine("budget-sync: " + status + " for customer " + customerId + ", config \"" + configName + "\"");
    }

    /** The readable summary for email and chat. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Budget sync ").append(status).append(" for customer ").append(customerId)
                .append(", config \"").append(oneLine(configName)).append("\" (id ").append(configId).append(")\n");
        if (message != null && !message.isBlank()) {
            text.append(message).append('\n');
        }
        if (filename != null) {
            text.append("File: ").append(filename).append('\n');
        }
        text.append("\nRows read: ").append(stats.totalRows())
                .append("\nCreated: ").append(stats.created())
                .append(", updated: ").append(stats.updated())
                .append(", unchanged: ").append(stats.unchanged())
                .append(", soft-deleted: ").append(stats.softDeleted())
                .append(", restored: ").append(stats.restored())
                .append("\nErrors: ").append(stats.errors())
                .append(", skipped: ").append(stats.skipped()).append('\n');
        if (!errors.isEmpty()) {
            text.append("\nFirst errors:\n");
            for (RowError e : errors) {
                text.append("  row ").append(e.row());
                if (e.column() != null) {
                    text.append(", column ").append(e.column());
                }
                if (e.value() != null) {
                    text.append(", value \"").append(oneLine(e.value())).append('"');
                }
                text.append(": ").append(e.message()).append('\n');
            }
        }
        text.append("\nSync id: ").append(syncId).append('\n');
        if (historyUrl != null) {
            text.append("Details: ").append(historyUrl).append('\n');
        }
        return text.toString();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
