package com.budgetsync.db;

/** A file over the configured size cap; nothing of it is kept. */
public class FileTooLargeException extends RuntimeException {
    public FileTooLargeException(String filename, long maxBytes) {
        super(filename + " is larger than the limit of " + maxBytes + " bytes");
    }
}
