package com.budgetsync.parsing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Entry point of file reading: detects a file's layout, then streams its data rows. */
public final class TableReader {
    private TableReader() {
    }

    public static FileFormat formatOf(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return FileFormat.XLSX;
        }
        if (name.endsWith(".xls")) {
            return FileFormat.XLS;
        }
        return FileFormat.CSV;
    }

    /** Reads the head of the file to find encoding, delimiter, sheet and header row. */
    public static TableLayout detect(FileContent file, ReadOptions options) throws IOException {
        FileFormat format = formatOf(file.filename());
        return format == FileFormat.CSV ? CsvTable.detect(file) : ExcelTable.detect(file, format, options);
    }

    public static RowStream open(FileContent file, TableLayout layout) throws IOException {
        return layout.format() == FileFormat.CSV ? CsvTable.open(file, layout) : ExcelTable.open(file, layout);
    }

    /** The first {@code limit} data rows: the evidence the mapper reads values from. */
    public static List<DataRow> sample(FileContent file, TableLayout layout, int limit) throws IOException {
        List<DataRow> rows = new ArrayList<>();
        try (RowStream stream = open(file, layout)) {
            while (stream.hasNext() && rows.size() < limit) {
                rows.add(stream.next());
            }
        }
        return rows;
    }
}
