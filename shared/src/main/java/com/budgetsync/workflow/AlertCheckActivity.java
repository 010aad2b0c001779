package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The alert checks' two steps: raise what is due as of the workflow's time, then tell each alert's recipients. */
@ActivityInterface
public interface AlertCheckActivity {
    /** @return ids of the alerts this check raised */
    List<Long> checkAlerts(long nowMillis);

    void deliverAlert(long alertId);
}
