package com.budgetsync.worker.activities;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.workflow.RunActivity;
import com.budgetsync.workflow.RunInput;
import java.util.List;

public class RunActivityImpl implements RunActivity {
    private final SyncHistoryDao history;

    public RunActivityImpl(SyncHistoryDao history) {
        this.history = history;
    }

    @Override
    public void startRun(RunInput run) {
        history.start(run.syncId(), run.customerId(), run.configId(), run.workflowId(), run.runId(),
                run.triggeredBy());
    }

    @Override
    public void finishRun(String syncId, SyncStatus status, String message) {
        history.finish(syncId, status, message, List.of());
    }
}
