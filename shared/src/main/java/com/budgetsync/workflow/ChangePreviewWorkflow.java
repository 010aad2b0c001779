package com.budgetsync.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One dry run of the import, started by the API for a held run or any stored file of a config and awaited with a
 * timeout: the worker owns the import engine, the API only asks.
 */
@WorkflowInterface
public interface ChangePreviewWorkflow {
    @WorkflowMethod
    ChangePreview preview(long configId, long fileId);
}
