package com.budgetsync.parsing;

import java.util.ArrayList;
import java.util.List;

/** Header cells as the mapper sees them: trimmed, without the empty cells that trail the table. */
final class Headers {
    private Headers() {
    }

    static List<String> clean(List<String> cells) {
        List<String> headers = new ArrayList<>();
        for (String cell : cells) {
            headers.add(cell == null ? "" : cell.strip());
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        return List.copyOf(headers);
    }
}
