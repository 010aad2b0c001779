package com.budgetsync.worker.activities;

import com.budgetsync.worker.notify.Notifier;
import com.budgetsync.worker.workflow.ActivityProfiles;
import com.budgetsync.workflow.NotifyActivity;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * Delivers the run's notifications. While some recipient is still pending it fails, so Temporal tries again after
 * 2 s, 4 s, 8 s; on the last attempt the activity itself records what is left as failed and returns, so the
 * workflow sees no failure at all.
 */
public class NotifyActivityImpl implements NotifyActivity {
    private final Notifier notifier;

    public NotifyActivityImpl(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void notify(String syncId) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        boolean lastAttempt = attempt >= ActivityProfiles.ORDINARY_ATTEMPTS;
        int pending = notifier.deliver(syncId, lastAttempt);
        if (pending > 0) {
            throw ApplicationFailure.newFailure("sync " + syncId + ": " + pending
                    + " notification(s) not delivered yet (attempt " + attempt + ")", "NotificationPending");
        }
    }
}
