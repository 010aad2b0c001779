package com.budgetsync.parsing;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** An Excel file opened for reading: its sheet names, and the rows of one sheet from the top. */
interface Workbook extends Closeable {
    List<String> sheetNames() throws IOException;

    RawRows rows(String sheet) throws IOException;

    static Workbook open(FileContent file, FileFormat format) throws IOException {
        return format == FileFormat.XLS ? XlsWorkbook.open(file) : XlsxWorkbook.open(file);
    }
}
