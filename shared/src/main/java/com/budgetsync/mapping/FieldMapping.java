package com.budgetsync.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which column feeds a field, how sure the mapper is (0..1) and why, and what else it considered. In a wide file the
 * fiscal period and the amount come from many columns: {@code columns} lists their headers and {@code column} is null.
 * In a long file, a fiscal period with {@code columns} is split over two columns (year, then month or quarter) whose
 * texts are read together. A wide fiscal period with both {@code columns} (month or quarter headers without a year,
 * "Jan … Dec") and {@code column} takes each row's year from that column. {@code fixed} is a period (or, for month
 * columns without a year, a year) that holds for every row because the file says it once: in its name, a title row,
 * or the config's fiscal year; the reason names which.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(String column, Integer index, List<String> columns, List<Integer> indexes,
                           double confidence, String reason, List<Alternative> alternatives, String fixed) {

    public FieldMapping(String column, Integer index, List<String> columns, List<Integer> indexes, double confidence,
                        String reason, List<Alternative> alternatives) {
        this(column, index, columns, indexes, confidence, reason, alternatives, null);
    }

    public static FieldMapping single(String column, int index, double confidence, String reason,
                                      List<Alternative> alternatives) {
        return new FieldMapping(column, index, null, null, confidence, reason, alternatives);
    }

    public static FieldMapping wide(List<String> columns, List<Integer> indexes, double confidence, String reason) {
        return new FieldMapping(null, null, columns, indexes, confidence, reason, List.of());
    }

    @JsonIgnore
    public boolean isWide() {
        return columns != null;
    }
}
