package com.budgetsync.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What a connection test saw, for the person setting a source up: how far it got (reachable, authenticated), the SFTP
 * host key to pin, the matching files newest first, which one a poll would take next (or why none), and the error.
 */
public record ConnectionReport(boolean reachable, boolean authenticated, String hostKeyFingerprint,
                               List<FileSeen> files, int filesMatching, String nextFile, String nextReason,
                               String error) {
    /** A matching file as listed. */
    public record FileSeen(String name, long size, Instant lastModified) {
    }

    public boolean ok() {
        return error == null;
    }
}
