package com.budgetsync.worker.activities;

import com.budgetsync.worker.alerts.AlertChecks;
import com.budgetsync.worker.notify.AlertNotifier;
import com.budgetsync.worker.workflow.ActivityProfiles;
import com.budgetsync.workflow.AlertCheckActivity;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;

/** Runs the alert checks and delivers alerts, retrying pending recipients as the run notifications do. */
public class AlertCheckActivityImpl implements AlertCheckActivity {
    private final AlertChecks checks;
    private final AlertNotifier notifier;

    public AlertCheckActivityImpl(AlertChecks checks, AlertNotifier notifier) {
        this.checks = checks;
        this.notifier = notifier;
    }

    @Override
    public List<Long> checkAlerts(long nowMillis) {
        return checks.check(Instant.ofEpochMilli(nowMillis));
    }

    @Override
    public void deliverAlert(long alertId) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        int pending = notifier.deliver(alertId, attempt >= ActivityProfiles.RETRY.getMaximumAttempts());
        if (pending > 0) {
            throw ApplicationFailure.newFailure("alert " + alertId + ": " + pending
                    + " notification(s) not delivered yet (attempt " + attempt + ")", "NotificationPending");
        }
    }
}
