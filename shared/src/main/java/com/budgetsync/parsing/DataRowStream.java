package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/** The data rows below a layout's header, pulled lazily from the raw rows; rows are padded to the header's width. */
final class DataRowStream implements RowStream {
    private final RawRows rows;
    private final int headerRow;
    private final int width;
    private DataRow next;

    DataRowStream(RawRows rows, TableLayout layout) {
        this.rows = rows;
        this.headerRow = layout.headerRow();
        this.width = layout.headers().size();
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                // a reading given up on (a preview past its time limit, a cancelled activity) stops here
                if (Thread.currentThread().isInterrupted()) {
                    throw stopped();
                }
                DataRow row = rows.next();
                if (row == null) {
                    return false;
                }
                if (row.rowNumber() > headerRow + 1) {
                    next = padded(row);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DataRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DataRow row = next;
        next = null;
        return row;
    }

    /** What a reading given up on fails with, wherever it was stopped ({@link ReadAhead} too). */
    static InterruptedIOException stopped() {
        return new InterruptedIOException("reading the rows was stopped");
    }

    private DataRow padded(DataRow row) {
        if (row.cells().size() >= width) {
            return row;
        }
        String[] cells = row.cells().toArray(new String[width]);
        for (int i = row.cells().size(); i < width; i++) {
            cells[i] = "";
        }
        return new DataRow(row.rowNumber(), List.of(cells));
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
