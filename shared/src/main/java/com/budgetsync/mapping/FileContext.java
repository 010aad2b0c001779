package com.budgetsync.mapping;

import java.util.List;

/**
 * What surrounds a table: the file's name ({@code budget_2018.csv}) and the title rows above its header
 * ({@code "Budget FY2024 – adopted"}), where publishers often write the period instead of a column.
 */
public record FileContext(String filename, List<String> titleRows) {
    public static final FileContext NONE = new FileContext(null, List.of());

    public FileContext {
        titleRows = titleRows == null ? List.of() : List.copyOf(titleRows);
    }
}
