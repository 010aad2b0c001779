package com.budgetsync.parsing;

import java.io.IOException;

/**
 * A sheet's rows whose reading fails in words: a damaged sheet stops with the file, sheet and last good row named,
 * not with the library's text, wherever it is read (layout detection, preview, import).
 */
final class SheetRows implements RawRows {
    private final FileContent file;
    private final FileFormat format;
    private final String sheet;
    private final RawRows rows;
    private long lastRow;

    SheetRows(FileContent file, FileFormat format, String sheet, RawRows rows) {
        this.file = file;
        this.format = format;
        this.sheet = sheet;
        this.rows = rows;
    }

    @Override
    public DataRow next() throws IOException {
        DataRow row;
        try {
            row = rows.next();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (ReadFailures.fromDatabase(e)) {
                throw e;
            }
            throw ReadFailures.sheet(file.filename(), format, sheet, lastRow, e);
        }
        if (row != null) {
            lastRow = row.rowNumber();
        }
        return row;
    }

    @Override
    public long cellsWithNulsDropped() {
        return rows.cellsWithNulsDropped();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
