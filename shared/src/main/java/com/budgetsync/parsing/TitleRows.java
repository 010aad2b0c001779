package com.budgetsync.parsing;

import java.util.List;
import java.util.Objects;

/** The text of the rows above a header (a report title, a banner): a few short lines, so a layout stays small. */
final class TitleRows {
    private static final int MAX_ROWS = 5;
    private static final int MAX_CHARS = 200;

    private TitleRows() {
    }

    static List<String> above(List<DataRow> head, DataRow header) {
        return head.subList(0, Math.max(0, head.indexOf(header))).stream()
                .map(r -> String.join(" ", r.cells().stream().filter(Objects::nonNull).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList()))
                .filter(text -> !text.isEmpty())
                .map(text -> text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text)
                .limit(MAX_ROWS).toList();
    }
}
