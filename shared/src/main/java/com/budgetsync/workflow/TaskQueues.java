package com.budgetsync.workflow;

/** Names ops type into the Temporal Web UI and tctl: keep them stable, they are documented in docs/operations.md. */
public final class TaskQueues {
    public static final String BUDGET_SYNC = "budget-sync";

    private TaskQueues() {
    }
}
