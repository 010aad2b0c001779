package com.budgetsync.parsing;

import java.util.List;

/**
 * How to read a file's table: format, text encoding and delimiter (CSV), sheet (Excel), which row holds the header
 * (0-based, counting every line or sheet row), and the header cells. {@code titleRows} are the non-blank rows above
 * the header (a report title often names the period); {@code wrappedLines} marks a CSV whose every line is wrapped in
 * one pair of quotes with the inner quotes doubled (a double-encoded export); {@code entry} is the file read inside a
 * compressed drop (the zip entry's name, or the name a .gz file unpacks to), null for a file read as it is. Small: it
 * travels through workflow history.
 */
public record TableLayout(FileFormat format, String charset, Character delimiter, String sheet, int headerRow,
                          List<String> headers, List<String> titleRows, boolean wrappedLines, String entry) {
    public TableLayout(FileFormat format, String charset, Character delimiter, String sheet, int headerRow,
                       List<String> headers, List<String> titleRows, boolean wrappedLines) {
        this(format, charset, delimiter, sheet, headerRow, headers, titleRows, wrappedLines, null);
    }

    public TableLayout(FileFormat format, String charset, Character delimiter, String sheet, int headerRow,
                       List<String> headers) {
        this(format, charset, delimiter, sheet, headerRow, headers, List.of(), false);
    }

    public List<String> titleRowsOrEmpty() {
        return titleRows == null ? List.of() : titleRows;
    }

    TableLayout withEntry(String readEntry) {
        return new TableLayout(format, charset, delimiter, sheet, headerRow, headers, titleRows, wrappedLines,
                readEntry);
    }
}
