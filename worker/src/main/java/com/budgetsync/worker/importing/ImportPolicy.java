package com.budgetsync.worker.importing;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SyncStatus;
import java.util.List;
import java.util.Locale;

/**
 * What an import decides between its SQL statements, from counts the statements found: too many bad rows, one budget
 * in several currencies, duplicate business keys (fail or sum, as the config says), and the mass-deletion guard.
 * Plain Java, so each rule is tested without PostgreSQL; {@link BudgetImporter} asks and acts.
 */
final class ImportPolicy {
    /** Go on ({@link #stops()} false, perhaps with a warning for the run), or stop with this status and message. */
    record Decision(SyncStatus stopWith, String message, String warning) {
        static final Decision GO_ON = new Decision(null, null, null);

        static Decision stop(SyncStatus status, String message) {
            return new Decision(status, message, null);
        }

        boolean stops() {
            return stopWith != null;
        }
    }

    private final ConfigOptions rules;

    ImportPolicy(ConfigOptions rules) {
        this.rules = rules;
    }

    /** Fails a file without budget rows, or with more rejected rows than the config's error threshold allows. */
    Decision rows(String filename, long budgetRows, long errorRows) {
        long considered = budgetRows + errorRows;
        if (considered == 0) {
            return Decision.stop(SyncStatus.FAILED, filename + ": no budget rows found below the header");
        }
        double errorShare = (double) errorRows / considered;
        if (errorShare > rules.errorThresholdOrDefault()) {
            return Decision.stop(SyncStatus.FAILED, String.format(Locale.ROOT,
                    "%d of %d rows (%.1f%%) have errors, more than the %.1f%% allowed: nothing was changed",
                    errorRows, considered, errorShare * 100, rules.errorThresholdOrDefault() * 100));
        }
        return Decision.GO_ON;
    }

    /** Amounts of one budget in different currencies cannot be added up. */
    Decision currencies(List<String> mixedKeys) {
        return mixedKeys.isEmpty() ? Decision.GO_ON : Decision.stop(SyncStatus.FAILED,
                "the same budget appears in several currencies, which cannot be added up: "
                        + String.join(", ", mixedKeys));
    }

    /** Duplicate business keys fail the run unless the config sums them; summing is said in a warning. */
    Decision duplicates(List<String> duplicateKeys) {
        if (duplicateKeys.isEmpty()) {
            return Decision.GO_ON;
        }
        if (!rules.sumDuplicates()) {
            return Decision.stop(SyncStatus.FAILED,
                    "duplicate business keys (config duplicates=error): " + String.join(", ", duplicateKeys));
        }
        return new Decision(null, null, "duplicate business keys were summed (the export may have dropped a finer"
                + " dimension such as account): " + String.join(", ", duplicateKeys));
    }

    /** Holds a run for review that would soft-delete more of the config's active budgets than the guard allows. */
    Decision deletions(long toDelete, long activeBefore, boolean force) {
        double guard = rules.deletionGuardOrDefault();
        if (!force && activeBefore > 0 && toDelete > guard * activeBefore) {
            return Decision.stop(SyncStatus.NEEDS_REVIEW, String.format(Locale.ROOT,
                    "this file would soft-delete %d of %d active budgets (%.0f%%), more than the %.0f%% guard:"
                            + " nothing was changed; approve the run to apply it", toDelete, activeBefore,
                    100.0 * toDelete / activeBefore, guard * 100));
        }
        return Decision.GO_ON;
    }
}
