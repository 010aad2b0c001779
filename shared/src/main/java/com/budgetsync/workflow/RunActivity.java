package com.budgetsync.workflow;

import com.budgetsync.domain.SyncStatus;
import io.temporal.activity.ActivityInterface;

/** Opens and closes a run's sync_history row, so that every run is recorded whichever step it ends in. */
@ActivityInterface
public interface RunActivity {
    /**
     * Records the run as running (idempotent by sync id), unless another run of its config is going: then it is
     * recorded as skipped.
     */
    RunStart startRun(RunInput run);

    /** Records a run that ended without importing: failed, needs_review, no_new_file, skipped. */
    void finishRun(String syncId, SyncStatus status, String message);
}
