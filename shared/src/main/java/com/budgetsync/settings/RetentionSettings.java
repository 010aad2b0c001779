package com.budgetsync.settings;

/**
 * How long stored data is kept (docs/operations.md#retention): a stored file's contents {@code fileDays} days (a
 * customer's own setting wins), history rows {@code historyMonths} months; {@code batch} rows per transaction, so no
 * lock is held for long.
 */
public record RetentionSettings(int fileDays, int historyMonths, int batch) {
    public static final RetentionSettings DEFAULT = new RetentionSettings(90, 24, 500);
}
