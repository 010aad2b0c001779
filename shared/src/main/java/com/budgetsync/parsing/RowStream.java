package com.budgetsync.parsing;

import java.io.IOException;
import java.util.Iterator;

/** Data rows of a table, read lazily from the file so that memory stays bounded whatever the file size. */
public interface RowStream extends Iterator<DataRow>, AutoCloseable {
    /**
     * How many cells so far held NUL characters, dropped from their text: PostgreSQL's text and jsonb refuse them,
     * and they are never meant (a binary export, or UTF-16 read as bytes). The run reports the count.
     */
    long cellsWithNulsDropped();

    @Override
    void close() throws IOException;
}
