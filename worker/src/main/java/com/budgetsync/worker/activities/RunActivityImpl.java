package com.budgetsync.worker.activities;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.runs.RunSlots;
import com.budgetsync.workflow.RunActivity;
import com.budgetsync.workflow.RunInput;
import com.budgetsync.workflow.RunStart;
import java.util.List;
import java.util.Optional;

public class RunActivityImpl implements RunActivity {
    private final SyncHistoryDao history;
    private final RunSlots slots;

    public RunActivityImpl(SyncHistoryDao history, RunSlots slots) {
        this.history = history;
        this.slots = slots;
    }

    @Override
    public RunStart startRun(RunInput run) {
        Optional<String> holder = slots.claim(run.identity());
        if (holder.isEmpty()) {
            return RunStart.STARTED;
        }
        RunStart skipped = new RunStart(holder.get());
        history.recordSkipped(run.identity(), skipped.skippedMessage());
        return skipped;
    }

    @Override
    public void finishRun(String syncId, SyncStatus status, String message) {
        history.finish(syncId, status, message, List.of());
    }
}
