package com.budgetsync.parsing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A row below the header: its 1-based row number in the file (as a spreadsheet shows it) and its cells as text. */
public record DataRow(long rowNumber, List<String> cells) {
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    @JsonIgnore
    public boolean isBlank() {
        // a loop, not a stream: asked of every row of a million-row file
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
