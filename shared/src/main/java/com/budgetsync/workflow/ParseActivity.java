package com.budgetsync.workflow;

import com.budgetsync.parsing.TableLayout;
import io.temporal.activity.ActivityInterface;

/**
 * Works out how to read the stored file (format, encoding, delimiter, sheet, header row). It reads the head only;
 * the rows are streamed by the import, so no row data travels through workflow history.
 */
@ActivityInterface
public interface ParseActivity {
    TableLayout parse(RunInput run, FileRef file);
}
