package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/** One retention pass as of the workflow's time; idempotent (a retried pass finds nothing more to delete). */
@ActivityInterface
public interface RetentionActivity {
    RetentionReport purge(long passTimeMillis);
}
