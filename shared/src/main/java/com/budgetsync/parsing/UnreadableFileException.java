package com.budgetsync.parsing;

/** The file cannot be read as a table (not CSV/Excel, no header, corrupt). Bad input: never retried. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
