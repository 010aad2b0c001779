package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.ChangePreviewActivity;
import com.budgetsync.workflow.ChangePreviewWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs the dry run once: a person is waiting, and asking again is theirs to decide. */
public final class ChangePreviewWorkflowImpl implements ChangePreviewWorkflow {
    static final ActivityOptions ONCE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();

    private final ChangePreviewActivity activity = Workflow.newActivityStub(ChangePreviewActivity.class, ONCE);

    @Override
    public ChangePreview preview(long configId, long fileId) {
        return activity.previewChanges(configId, fileId);
    }
}
