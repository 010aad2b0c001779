package com.budgetsync.parsing;

import java.io.IOException;
import java.util.Iterator;

/** Data rows of a table, read lazily from the file so that memory stays bounded whatever the file size. */
public interface RowStream extends Iterator<DataRow>, AutoCloseable {
    @Override
    void close() throws IOException;
}
