package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.RetentionActivity;
import com.budgetsync.workflow.RetentionReport;
import com.budgetsync.workflow.RetentionWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * One pass as of the workflow's clock (deterministic; tests skip days). Never fails: a failed cron run would stop the
 * embedded server's cron chain, and tomorrow's pass deletes whatever today's left.
 */
public final class RetentionWorkflowImpl implements RetentionWorkflow {
    private static final Logger LOG = Workflow.getLogger(RetentionWorkflowImpl.class);

    /** A first pass over years of files can take long; it heartbeats per batch, so a dead worker is noticed. */
    private final RetentionActivity activities = Workflow.newActivityStub(RetentionActivity.class,
            ActivityOptions.newBuilder(ActivityProfiles.LONG_IN_DATABASE)
                    .setStartToCloseTimeout(Duration.ofHours(6)).build());

    @Override
    public RetentionReport purge() {
        try {
            return activities.purge(Workflow.currentTimeMillis());
        } catch (ActivityFailure e) {
            LOG.warn("retention pass failed, tomorrow's pass deletes what this one left: {}",
                    e.getCause().getMessage());
            return null;
        }
    }
}
