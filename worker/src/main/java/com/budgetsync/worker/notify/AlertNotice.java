package com.budgetsync.worker.notify;

import com.budgetsync.domain.Alert;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What an alert's notification says; also the generic webhook's JSON body. {@code alert} tells a receiver it is an
 * alert, not a run notification (whose body has {@code syncId} and {@code stats} instead).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNotice(long alertId, String alert, String customerId, Long configId, String configName,
                          String message, String syncId, Instant raisedAt, String historyUrl, String alertsUrl)
        implements Notice {

    public static AlertNotice of(Alert alert, String configName, String historyUrl, String alertsUrl) {
        return new AlertNotice(alert.id(), alert.kind().dbValue(), alert.customerId(), alert.configId(), configName,
                alert.message(), alert.syncId(), alert.raisedAt(), historyUrl, alertsUrl);
    }

    @Override
    public Object body() {
        return this;
    }

    @Override
    public String subject() {
        return RunNotice.oneLine("budget-sync alert: " + alert + " for customer " + customerId + ", config \""
                + configName + "\"");
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Alert ").append(alert).append(" for customer ").append(customerId).append(", config \"")
                .append(RunNotice.oneLine(configName)).append("\" (id ").append(configId).append(")\n")
                .append(message).append('\n');
        if (historyUrl != null) {
            text.append("Run: ").append(historyUrl).append('\n');
        } else if (syncId != null) {
            text.append("Sync id: ").append(syncId).append('\n');
        }
        if (alertsUrl != null) {
            text.append("Open alerts: ").append(alertsUrl).append('\n');
        }
        text.append("\nAlert id ").append(alertId).append(", raised at ").append(raisedAt)
                .append(". What it means and what to do: docs/operations.md#alerts\n");
        return text.toString();
    }
}
