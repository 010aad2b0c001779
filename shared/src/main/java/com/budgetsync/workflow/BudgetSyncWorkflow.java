package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One sync run of one config: poll → download → parse → map → import → notify. Workflow type
 * {@code BudgetSyncWorkflow}, task queue {@code budget-sync}; input {@link SyncRequest}, result {@link SyncResult}.
 */
@WorkflowInterface
public interface BudgetSyncWorkflow {
    String TYPE = "BudgetSyncWorkflow";

    @WorkflowMethod(name = TYPE)
    SyncResult sync(SyncRequest request);
}
