package com.budgetsync.workflow;

/**
 * Workflow ids carry customer and config so a person in the Web UI finds a customer's runs by prefix:
 * {@code budget-sync-<customer>-<config>} is the config's schedule, {@code budget-sync-<customer>-<config>-<syncId>}
 * a run started now (trigger, upload, retry, sync-file).
 */
public final class WorkflowIds {
    private WorkflowIds() {
    }

    public static String schedule(String customerId, long configId) {
        return "budget-sync-" + customerId + "-" + configId;
    }

    public static String run(String customerId, long configId, String syncId) {
        return schedule(customerId, configId) + "-" + syncId;
    }
}
