package com.budgetsync.workflow;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflow ids carry customer and config so a person in the Web UI finds a customer's runs by prefix:
 * {@code budget-sync-<customer>-<config>} is the config's schedule, {@code budget-sync-<customer>-<config>-<syncId>}
 * a run started now (trigger, upload, retry, sync-file).
 */
public final class WorkflowIds {
    private static final Pattern SCHEDULE = Pattern.compile("budget-sync-(.+)-(\\d+)");

    private WorkflowIds() {
    }

    public static String schedule(String customerId, long configId) {
        return "budget-sync-" + customerId + "-" + configId;
    }

    /** A config's schedule, as its workflow id names it. */
    public record ScheduleOf(String customerId, long configId) {
    }

    /**
     * The config a schedule workflow id names; empty for other ids. A run started now ends in its sync id, a UUID,
     * whose last group may be all digits: callers that act on the answer confirm it is a cron workflow.
     */
    public static Optional<ScheduleOf> scheduleOf(String workflowId) {
        Matcher id = SCHEDULE.matcher(workflowId);
        return id.matches() ? Optional.of(new ScheduleOf(id.group(1), Long.parseLong(id.group(2)))) : Optional.empty();
    }

    public static String run(String customerId, long configId, String syncId) {
        return schedule(customerId, configId) + "-" + syncId;
    }

    /** One connection test of a config; {@code testId} tells tests of the same config apart. */
    public static String connectionTest(String customerId, long configId, String testId) {
        return "connection-test-" + customerId + "-" + configId + "-" + testId;
    }

    /** One dry run of a stored file with a config; {@code previewId} tells previews of the same file apart. */
    public static String changePreview(String customerId, long configId, String previewId) {
        return "change-preview-" + customerId + "-" + configId + "-" + previewId;
    }

    /** The delivery of one alert raised outside the alert checks (a budget's threshold): one per alert. */
    public static String alertDelivery(long alertId) {
        return "alert-delivery-" + alertId;
    }
}
