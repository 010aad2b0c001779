package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One connection test, started by {@code POST /api/sync/config/{id}/test} and awaited with a timeout. */
@WorkflowInterface
public interface TestConnectionWorkflow {
    @WorkflowMethod
    ConnectionReport test(long configId);
}
