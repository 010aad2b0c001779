package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.List;

/** Sample rows for mapper tests: comma-separated lines, numbered as a spreadsheet shows them below the header. */
final class SampleRows {
    private SampleRows() {
    }

    static List<DataRow> of(String... lines) {
        List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new DataRow(i + 2, List.of(lines[i].split(",", -1))));
        }
        return rows;
    }
}
