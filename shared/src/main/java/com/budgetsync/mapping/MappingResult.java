package com.budgetsync.mapping;

import java.util.List;

/** A mapping plus the verdict: may it import, or does a person need to review it (and why)? */
public record MappingResult(ColumnMapping mapping, boolean needsReview, List<String> problems) {
}
