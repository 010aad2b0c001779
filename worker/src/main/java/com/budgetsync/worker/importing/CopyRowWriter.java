package com.budgetsync.worker.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a PostgreSQL {@code COPY … FROM STDIN} in text format, buffering 256 KiB at a time so a million rows
 * cost a few hundred round trips, not a million.
 */
final class CopyRowWriter implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstField = true;

    CopyRowWriter(CopyIn copy) {
        this.copy = copy;
    }

    CopyRowWriter field(Object value) {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
        if (value == null) {
            buffer.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws IOException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
