package com.budgetsync.mapping;

import java.util.List;

/**
 * One decision a person must make before a file imports: which column is the field ("Which column is the amount:
 * 'Adopted 2024' (0.62) or 'Revised 2024' (0.58)?"), its candidates best first. A fiscal year question (months without
 * a year anywhere) has no candidates: the answer is the config's {@code fiscalYear} option.
 */
public record ReviewQuestion(TargetField field, String question, List<Alternative> candidates) {
    public ReviewQuestion {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
