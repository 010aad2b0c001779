package com.budgetsync.workflow;

import com.budgetsync.mapping.ColumnMapping;
import java.util.List;

/** The mapping to import with, or why a person must review it first; drift lists header changes since last time. */
public record MapOutput(ColumnMapping mapping, boolean needsReview, List<String> problems, List<String> drift) {
}
