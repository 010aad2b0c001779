package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/** Looks at the config's source and picks the newest file that is complete and not imported yet. */
@ActivityInterface
public interface PollActivity {
    PollResult poll(RunInput run);
}
