package com.budgetsync.workflow;

import com.budgetsync.parsing.TableLayout;
import io.temporal.activity.ActivityInterface;

/** Decides which column feeds which budget field, from the header, a sample of values and the config's pins. */
@ActivityInterface
public interface MapActivity {
    MapOutput map(RunInput run, FileRef file, TableLayout layout);
}
