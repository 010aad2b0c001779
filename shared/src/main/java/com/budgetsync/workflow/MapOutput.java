package com.budgetsync.workflow;

import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.ReviewQuestion;
import java.util.List;

/**
 * The mapping to import with, or why a person must review it first (the problems in a line each, the questions to
 * answer); drift lists header changes since last time.
 */
public record MapOutput(ColumnMapping mapping, boolean needsReview, List<String> problems, List<String> drift,
                        List<ReviewQuestion> questions) {
}
