package com.budgetsync.worker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SyncStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import's four decisions, without a database. */
class ImportPolicyTest {
    private static final ImportPolicy DEFAULTS = new ImportPolicy(ConfigOptions.DEFAULTS);

    private static ImportPolicy with(Double errorThreshold, String duplicates, Double deletionGuard) {
        return new ImportPolicy(new ConfigOptions(null, null, null, null, errorThreshold, duplicates, deletionGuard,
                null, null, null));
    }

    @Test
    void aFileWithoutBudgetRowsFails() {
        ImportPolicy.Decision d = DEFAULTS.rows("budget.csv", 0, 0);
        assertEquals(SyncStatus.FAILED, d.stopWith());
        assertEquals("budget.csv: no budget rows found below the header", d.message());
    }

    @Test
    void errorsUpToTheThresholdAreImportedAndMoreFailTheRun() {
        assertFalse(DEFAULTS.rows("b.csv", 95, 5).stops(), "5% is the default allowance");
        ImportPolicy.Decision d = DEFAULTS.rows("b.csv", 94, 6);
        assertEquals(SyncStatus.FAILED, d.stopWith());
        assertEquals("6 of 100 rows (6.0%) have errors, more than the 5.0% allowed: nothing was changed", d.message());
        assertFalse(with(0.5, null, null).rows("b.csv", 60, 40).stops());
    }

    @Test
    void aBudgetInSeveralCurrenciesFails() {
        assertFalse(DEFAULTS.currencies(List.of()).stops());
        ImportPolicy.Decision d = DEFAULTS.currencies(List.of("Sales / FY2025"));
        assertEquals(SyncStatus.FAILED, d.stopWith());
        assertEquals("the same budget appears in several currencies, which cannot be added up: Sales / FY2025",
                d.message());
    }

    @Test
    void duplicatesAreSummedWithAWarningUnlessTheConfigSaysError() {
        assertFalse(DEFAULTS.duplicates(List.of()).stops());
        assertNull(DEFAULTS.duplicates(List.of()).warning());
        ImportPolicy.Decision summed = DEFAULTS.duplicates(List.of("Sales / FY2025"));
        assertFalse(summed.stops());
        assertTrue(summed.warning().startsWith("duplicate business keys were summed"), summed.warning());
        ImportPolicy.Decision refused = with(null, "error", null).duplicates(List.of("Sales / FY2025"));
        assertEquals(SyncStatus.FAILED, refused.stopWith());
        assertEquals("duplicate business keys (config duplicates=error): Sales / FY2025", refused.message());
    }

    @Test
    void deletingMoreThanTheGuardNeedsReviewUnlessForced() {
        assertFalse(DEFAULTS.deletions(25, 100, false).stops(), "25% is the default guard");
        ImportPolicy.Decision held = DEFAULTS.deletions(26, 100, false);
        assertEquals(SyncStatus.NEEDS_REVIEW, held.stopWith());
        assertEquals("this file would soft-delete 26 of 100 active budgets (26%), more than the 25% guard: nothing"
                + " was changed; approve the run to apply it", held.message());
        assertFalse(DEFAULTS.deletions(100, 100, true).stops(), "an approved run applies");
        assertFalse(DEFAULTS.deletions(0, 0, false).stops(), "a first import deletes nothing");
        assertTrue(with(null, null, 0.1).deletions(11, 100, false).stops());
    }
}
