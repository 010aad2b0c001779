package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.runs.RunSlots;
import com.budgetsync.workflow.RunActivity;
import com.budgetsync.workflow.RunInput;
import com.budgetsync.workflow.RunStart;
import java.util.List;
import java.util.Optional;

public class RunActivityImpl implements RunActivity {
    private final ConfigDao configs;
    private final SyncHistoryDao history;
    private final RunSlots slots;

    public RunActivityImpl(ConfigDao configs, SyncHistoryDao history, RunSlots slots) {
        this.configs = configs;
        this.history = history;
        this.slots = slots;
    }

    /**
     * The run's config must be its customer's, and a sync id already recorded must be this config's run: checked
     * here, from the database, because a workflow may be started by hand with any input.
     */
    @Override
    public RunStart startRun(RunInput run) {
        ConfigLookup.of(configs, run);
        history.find(run.syncId())
                .filter(recorded -> !run.customerId().equals(recorded.customerId())
                        || !Long.valueOf(run.configId()).equals(recorded.configId()))
                .ifPresent(other -> {
                    throw BadInput.of("sync id " + run.syncId() + " is another config's run: refused");
                });
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
