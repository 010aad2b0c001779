package com.budgetsync.mapping;

import java.util.List;

/**
 * A mapping plus the verdict: may it import, or does a person need to review it? {@code questions} are the decisions
 * to make (what the console and the API show); {@code problems} say the same in one line each, as before.
 */
public record MappingResult(ColumnMapping mapping, boolean needsReview, List<String> problems,
                            List<ReviewQuestion> questions) {
    public MappingResult {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public MappingResult(ColumnMapping mapping, boolean needsReview, List<String> problems) {
        this(mapping, needsReview, problems, List.of());
    }
}
