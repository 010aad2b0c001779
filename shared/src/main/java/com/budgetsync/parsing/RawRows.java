package com.budgetsync.parsing;

import java.io.Closeable;
import java.io.IOException;

/** Rows of a sheet or text file from the top, pulled one at a time; {@code null} at the end. */
interface RawRows extends Closeable {
    DataRow next() throws IOException;

    /** How many cells so far held NUL characters that were dropped ({@link NulFreeRows}). */
    default long cellsWithNulsDropped() {
        return 0;
    }
}
