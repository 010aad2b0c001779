package com.budgetsync.api.core;

import java.io.IOException;

/**
 * Files a customer dropped that live outside PostgreSQL: its folder on the hosted SFTP server, its folder of the
 * provided bucket. An erasure deletes them once the customer's rows are gone.
 */
public interface DropFiles {
    /** What the counts of the erasure call these files. */
    String name();

    /** Deletes every file of the customer here; returns how many there were. */
    long erase(String customerId) throws IOException;
}
