package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/**
 * Streams the file's rows into PostgreSQL and applies them to {@code budget} in one transaction, recording the
 * outcome in the same transaction. Run again after it committed, it returns the stored outcome and changes nothing.
 */
@ActivityInterface
public interface ImportActivity {
    SyncResult importFile(ImportInput input);
}
