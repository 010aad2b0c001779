package com.budgetsync.workflow;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * What importing a stored file with a config would change, found by a dry run that writes nothing: the status the run
 * would end with and why (held by the deletion guard, failed on duplicates, a mapping to review...), the exact counts,
 * and the first {@link #SAMPLE_SIZE} budgets of each kind of change with old and new amounts. Bounded, so it can
 * travel through workflow history.
 */
public record ChangePreview(long configId, long fileId, String filename, SyncStatus outcome, String message,
                            SyncStats stats, List<String> warnings, Samples samples) {
    public static final int SAMPLE_SIZE = 50;

    /** One budget as the import would leave it; old values are null for a new budget, new ones for a deletion. */
    public record Change(Long row, String department, String subCategory, String fiscalPeriod, BigDecimal oldAmount,
                         String oldCurrency, BigDecimal newAmount, String newCurrency) {
    }

    /** The first budgets of each kind of change, in file order (deletions by key: the file no longer has them). */
    public record Samples(List<Change> created, List<Change> updated, List<Change> unchanged,
                          List<Change> softDeleted, List<Change> restored) {
        public static final Samples NONE = new Samples(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A file that stops before its rows are compared (unreadable, a mapping to review): nothing to count. */
    public static ChangePreview stopped(long configId, long fileId, String filename, SyncStatus outcome,
                                        String message) {
        return new ChangePreview(configId, fileId, filename, outcome, message, SyncStats.EMPTY, List.of(),
                Samples.NONE);
    }
}
