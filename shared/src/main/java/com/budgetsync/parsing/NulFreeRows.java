package com.budgetsync.parsing;

import java.io.IOException;
import java.util.List;

/**
 * Rows with NUL characters dropped from their cells, counted: PostgreSQL's text and jsonb refuse them, and nobody
 * means them (a binary export, UTF-16 read as bytes, or an Excel cell holding {@code _x0000_}).
 */
final class NulFreeRows implements RawRows {
    private final RawRows rows;
    private long cells;

    NulFreeRows(RawRows rows) {
        this.rows = rows;
    }

    @Override
    public DataRow next() throws IOException {
        DataRow row = rows.next();
        if (row == null || !anyNul(row)) {
            return row;
        }
        cells += row.cells().stream().filter(NulFreeRows::hasNul).count();
        List<String> clean = row.cells().stream().map(c -> c == null ? null : c.replace("\0", "")).toList();
        return new DataRow(row.rowNumber(), clean);
    }

    /** A loop, not a stream: asked of every row of a million-row file. */
    private static boolean anyNul(DataRow row) {
        for (String cell : row.cells()) {
            if (hasNul(cell)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNul(String cell) {
        return cell != null && cell.indexOf('\0') >= 0;
    }

    @Override
    public long cellsWithNulsDropped() {
        return cells;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
