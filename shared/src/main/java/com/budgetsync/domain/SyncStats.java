package com.budgetsync.domain;

/** Exact counts of what one import did. {@code totalRows} counts budget lines read (after unpivoting). */
public record SyncStats(long totalRows, long created, long updated, long unchanged, long softDeleted,
                        long restored, long errors, long skipped) {
    public static final SyncStats EMPTY = new SyncStats(0, 0, 0, 0, 0, 0, 0, 0);
}
