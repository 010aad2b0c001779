package com.budgetsync.workflow;

import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.parsing.TableLayout;

/** Everything the import needs besides PostgreSQL: which file, how to read it, how to map it. */
public record ImportInput(RunInput run, FileRef file, TableLayout layout, ColumnMapping mapping, boolean force) {
}
