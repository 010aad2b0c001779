package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/** Tells the config's recipients how a run ended; never changes the run's outcome. */
@ActivityInterface
public interface NotifyActivity {
    void notify(String syncId);
}
