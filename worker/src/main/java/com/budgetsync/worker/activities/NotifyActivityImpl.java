package com.budgetsync.worker.activities;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.workflow.NotifyActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First version: logs the outcome of runs that need attention. Email and webhooks build on this. */
public class NotifyActivityImpl implements NotifyActivity {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyActivityImpl.class);

    private final SyncHistoryDao history;

    public NotifyActivityImpl(SyncHistoryDao history) {
        this.history = history;
    }

    @Override
    public void notify(String syncId) {
        history.find(syncId).ifPresent(run -> LOG.info("sync {} of customer {} config {} ended {}: {}",
                run.syncId(), run.customerId(), run.configId(), run.status().dbValue(), run.message()));
    }
}
