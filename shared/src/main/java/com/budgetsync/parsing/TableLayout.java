package com.budgetsync.parsing;

import java.util.List;

/**
 * How to read a file's table: format, text encoding and delimiter (CSV), sheet (Excel), which row holds the header
 * (0-based, counting every line or sheet row), and the header cells. Small: it travels through workflow history.
 */
public record TableLayout(FileFormat format, String charset, Character delimiter, String sheet, int headerRow,
                          List<String> headers) {
}
