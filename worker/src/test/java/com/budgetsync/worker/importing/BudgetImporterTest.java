package com.budgetsync.worker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.SyncResult;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BudgetImporterTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    private static ImportFixture fixture() {
        return fixture(ConfigOptions.DEFAULTS);
    }

    private static ImportFixture fixture(ConfigOptions options) {
        return new ImportFixture(db.jdbi(), "c-" + UUID.randomUUID().toString().substring(0, 8), options);
    }

    private static ConfigOptions options(Double errorThreshold, String duplicates, Double deletionGuard) {
        return new ConfigOptions(null, null, null, null, errorThreshold, duplicates, deletionGuard, null, null, null);
    }

    @Test
    void aDryRunCountsAndSamplesWhatTheImportThenDoesWithoutWritingAnything() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(8, "100.00"));
        f.sync(ImportFixture.rows(7, "100.00"));
        String next = ImportFixture.rows(7, "100.00")
                .replace("Dept 2,Travel,2025-01,100.00", "Dept 2,Travel,2025-01,120")
                + "Dept 8,Travel,2025-01,80,USD\nDept 10,Travel,2025-01,55,USD\n";
        long audits = f.auditRows();
        long history = f.count("SELECT count(*) FROM sync_history WHERE customer_id = :c");
        String budgets = f.budgetsAsText();

        ChangePreview preview = f.preview(next);

        assertEquals(SyncStatus.SUCCESS, preview.outcome());
        assertEquals(new SyncStats(9, 1, 1, 6, 0, 1, 0, 0), preview.stats());
        assertEquals(List.of("Dept 2 100.0000 → 120.0000"), preview.samples().updated().stream()
                .map(c -> c.department() + " " + c.oldAmount() + " → " + c.newAmount()).toList());
        assertEquals(List.of("Dept 8 100.0000 → 80.0000"), preview.samples().restored().stream()
                .map(c -> c.department() + " " + c.oldAmount() + " → " + c.newAmount()).toList());
        assertEquals(List.of("Dept 10 row 10"), preview.samples().created().stream()
                .map(c -> c.department() + " row " + c.row()).toList());
        assertEquals(6, preview.samples().unchanged().size());
        assertEquals(audits, f.auditRows());
        assertEquals(history, f.count("SELECT count(*) FROM sync_history WHERE customer_id = :c"));
        assertEquals(budgets, f.budgetsAsText(), "no budget changed");

        assertEquals(preview.stats(), f.sync(next).stats(), "the import then does exactly what the dry run said");
    }

    @Test
    void anImportThatChangesMuchOfTheTableLeavesItAnalysedForTheBudgetCheck() {
        ImportFixture f = fixture();
        long before = tableCount("SELECT count(*) FROM budget");
        f.sync(ImportFixture.rows(Math.toIntExact(before + 2_000), "100.00"));

        long rows = tableCount("SELECT count(*) FROM budget");
        long estimated = tableCount("SELECT reltuples::bigint FROM pg_class WHERE oid = 'budget'::regclass");
        assertEquals(rows, estimated, "the planner's row estimate is the table as the import left it");
    }

    @Test
    void resyncCountsCreatedUpdatedUnchangedDeletedAndRestoredExactly() {
        ImportFixture f = fixture();
        SyncResult first = f.sync(ImportFixture.rows(8, "100.00"));
        assertEquals(SyncStatus.SUCCESS, first.status());
        assertEquals(new SyncStats(8, 8, 0, 0, 0, 0, 0, 0), first.stats());

        // Dept 1 changes, Dept 8 disappears, Dept 9 is new, the rest stay.
        String second = ImportFixture.rows(7, "100.00").replace("Dept 1,Travel,2025-01,100.00", "Dept 1,Travel,2025-01,150.50")
                + "Dept 9,Travel,2025-01,90,USD\n";
        SyncResult resync = f.sync(second);
        assertEquals(SyncStatus.SUCCESS, resync.status());
        assertEquals(new SyncStats(8, 1, 1, 6, 1, 0, 0, 0), resync.stats());
        assertEquals(new BigDecimal("150.5000"), f.activeAmount("Dept 1", "Travel", "2025-01"));
        assertNull(f.activeAmount("Dept 8", "Travel", "2025-01"));

        // Dept 8 comes back: restored, not created again, with the file's amount.
        SyncResult back = f.sync(second + "Dept 8,Travel,2025-01,80,USD\n");
        assertEquals(new SyncStats(9, 0, 0, 8, 0, 1, 0, 0), back.stats());
        assertEquals(new BigDecimal("80.0000"), f.activeAmount("Dept 8", "Travel", "2025-01"));
        assertEquals(1, f.count("SELECT count(*) FROM budget WHERE customer_id = :c AND department = 'Dept 8'"));

        // The same file again changes nothing and writes no audit rows.
        long audits = f.auditRows();
        assertEquals(new SyncStats(9, 0, 0, 9, 0, 0, 0, 0), f.sync(second + "Dept 8,Travel,2025-01,80,USD\n").stats());
        assertEquals(audits, f.auditRows());
    }

    @Test
    void aResyncComparesNamesWithBackslashesTabsAndAccentsExactly() {
        ImportFixture f = fixture();
        String rows = "\"R\\D\tLab\",Café,2025-01,10.5,EUR\n\"Ops \\\\ Field\",Travel,2025-01,-3.25,EUR\n";
        assertEquals(2, f.sync(rows).stats().created());
        assertEquals(new SyncStats(2, 0, 0, 2, 0, 0, 0, 0), f.sync(rows).stats(), "the same file changes nothing");

        SyncStats respelled = f.sync(rows.replace("Café", "Cafe"), true).stats();
        assertEquals(1, respelled.created(), "another sub-category is another budget");
        assertEquals(1, respelled.softDeleted());
        assertEquals(1, respelled.unchanged());
    }

    @Test
    void aResyncWhoseFileRepeatsAKeySumsItsRows() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(3, "100"));
        SyncResult result = f.sync(ImportFixture.rows(3, "100") + "Dept 3,Travel,2025-01,1,USD\n");
        assertEquals(new SyncStats(4, 0, 1, 2, 0, 0, 0, 0), result.stats(),
                "the repeated key is one budget, updated to the sum; the others are unchanged");
        assertEquals(new BigDecimal("101.0000"), f.activeAmount("Dept 3", "Travel", "2025-01"));
    }

    @Test
    void everyChangeHasOneAuditRowWithOldAndNewAmounts() {
        ImportFixture f = fixture();
        String firstSync = f.sync(ImportFixture.rows(8, "100")).syncId();
        String secondSync = f.sync(ImportFixture.rows(7, "100").replace("Dept 2,Travel,2025-01,100", "Dept 2,Travel,2025-01,120"))
                .syncId();
        String thirdSync = f.sync(ImportFixture.rows(8, "100").replace("Dept 2,Travel,2025-01,100", "Dept 2,Travel,2025-01,120"))
                .syncId();

        assertEquals(8, f.count("SELECT count(*) FROM budget WHERE customer_id = :c AND created_sync_id = '"
                + firstSync + "'"), "each created budget records the sync that created it");
        assertEquals(0, f.count("SELECT count(*) FROM audit_log WHERE customer_id = :c AND action = 'created'"),
                "creations are not copied into the audit log");
        List<String> second = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT action || ' ' || department || ' ' || coalesce(old_amount::text, '-') || ' -> '
                               || coalesce(new_amount::text, '-')
                          FROM audit_log WHERE sync_id = :s ORDER BY action""")
                .bind("s", secondSync).mapTo(String.class).list());
        assertEquals(List.of("deleted Dept 8 100.0000 -> -", "updated Dept 2 100.0000 -> 120.0000"), second);
        List<String> third = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT action || ' ' || department FROM audit_log WHERE sync_id = :s")
                .bind("s", thirdSync).mapTo(String.class).list());
        assertEquals(List.of("restored Dept 8"), third);
    }

    @Test
    void aNameRespelledInCaseOrSpacingIsTheSameBudgetRenamed() {
        ImportFixture f = fixture();
        f.sync("Field Marketing,Travel,2025-01,100,USD\n");
        long id = f.count("SELECT id FROM budget WHERE customer_id = :c");

        SyncResult respelled = f.sync("FIELD MARKETING,TRAVEL,2025-01,100,USD\n");

        assertEquals(new SyncStats(1, 0, 1, 0, 0, 0, 0, 0), respelled.stats());
        assertEquals(id, f.count("SELECT id FROM budget WHERE customer_id = :c AND deleted_at IS NULL"),
                "the same budget (its utilization stays with it), not a new one and a deleted one");
        assertEquals(1, f.count("SELECT count(*) FROM budget WHERE customer_id = :c AND department = 'FIELD MARKETING'"),
                "named as the file now spells it");
    }

    @Test
    void rowErrorsAreSkippedAndReportedUpToTheThreshold() {
        ImportFixture f = fixture();
        // 1 bad amount in 25 rows = 4%: imported as partial.
        SyncResult partial = f.sync(ImportFixture.rows(24, "100") + "Dept 25,Travel,2025-01,lots,USD\n");
        assertEquals(SyncStatus.PARTIAL, partial.status());
        assertEquals(24, partial.stats().created());
        assertEquals(1, partial.stats().errors());
        RowError error = f.history(partial.syncId()).errors().get(0);
        assertEquals(26, error.row());
        assertEquals("Amount", error.column());
        assertEquals("lots", error.value());
        assertTrue(error.message() != null && !error.message().isBlank());

        // 2 bad rows in 25 = 8%: failed, and nothing changed.
        long audits = f.auditRows();
        SyncResult failed = f.sync(ImportFixture.rows(23, "200") + "Dept 24,Travel,2025-01,lots,USD\n"
                + "Dept 25,Travel,not a period,5,USD\n");
        assertEquals(SyncStatus.FAILED, failed.status());
        assertEquals(2, failed.stats().errors());
        assertEquals(new BigDecimal("100.0000"), f.activeAmount("Dept 1", "Travel", "2025-01"));
        assertEquals(24, f.activeBudgets());
        assertEquals(audits, f.auditRows());
    }

    @Test
    void aFirstLoadTheRulesStopWritesNoBudgetAndTheNextFileLoadsWhole() {
        ImportFixture f = fixture();
        SyncResult failed = f.sync(ImportFixture.rows(23, "200") + "Dept 24,Travel,2025-01,lots,USD\n"
                + "Dept 25,Travel,not a period,5,USD\n");
        assertEquals(SyncStatus.FAILED, failed.status());
        assertEquals(0, f.count("SELECT count(*) FROM budget WHERE customer_id = :c"),
                "the rows copied before the rules were decided are undone");

        SyncResult loaded = f.sync(ImportFixture.rows(25, "100"));
        assertEquals(SyncStatus.SUCCESS, loaded.status());
        assertEquals(25, loaded.stats().created());
        assertEquals(25, f.count("SELECT count(*) FROM budget WHERE customer_id = :c AND created_sync_id = '"
                + loaded.syncId() + "'"), "each created budget names the sync that created it");
        assertEquals(0, f.count("SELECT count(*) FROM audit_log WHERE customer_id = :c"),
                "creations are not copied into the audit log");
    }

    @Test
    void errorThresholdIsConfigurable() {
        ImportFixture f = fixture(options(0.10, null, null));
        SyncResult result = f.sync(ImportFixture.rows(23, "100") + "Dept 24,Travel,2025-01,lots,USD\n"
                + "Dept 25,Travel,2025-01,,USD\n");
        assertEquals(SyncStatus.PARTIAL, result.status());
        assertEquals(23, f.activeBudgets());
    }

    @Test
    void duplicateKeysAreSummedWithAWarningNamingThem() {
        ImportFixture f = fixture();
        SyncResult result = f.sync(ImportFixture.rows(3, "100") + "Dept 2,Travel,2025-01,25.25,USD\n");
        assertEquals(SyncStatus.SUCCESS, result.status());
        assertEquals(3, result.stats().created());
        assertEquals(new BigDecimal("125.2500"), f.activeAmount("Dept 2", "Travel", "2025-01"));
        assertTrue(f.history(result.syncId()).warnings().stream()
                .anyMatch(w -> w.contains("summed") && w.contains("Dept 2 / Travel / 2025-01")));
    }

    @Test
    void duplicateKeysAreRejectedWhenTheConfigSaysSo() {
        ImportFixture f = fixture(options(null, "error", null));
        SyncResult result = f.sync(ImportFixture.rows(3, "100") + "Dept 2,Travel,2025-01,25.25,USD\n");
        assertEquals(SyncStatus.FAILED, result.status());
        assertTrue(result.message().contains("Dept 2 / Travel / 2025-01"));
        assertEquals(0, f.activeBudgets());
    }

    @Test
    void massDeletionStopsForReviewAndForceAppliesIt() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(8, "100"));
        long audits = f.auditRows();

        // 3 of 8 gone = 37.5% > 25%.
        String shrunk = ImportFixture.rows(5, "110");
        SyncResult held = f.sync(shrunk);
        assertEquals(SyncStatus.NEEDS_REVIEW, held.status());
        assertEquals(new SyncStats(5, 0, 0, 0, 0, 0, 0, 0), held.stats(), "nothing applied, nothing counted so");
        SyncStats planned = f.history(held.syncId()).planned();
        assertEquals(3, planned.softDeleted());
        assertEquals(5, planned.updated());
        assertEquals(new SyncStats(5, 0, 0, 0, 0, 0, 0, 0), f.history(held.syncId()).stats());
        assertEquals(8, f.activeBudgets());
        assertEquals(new BigDecimal("100.0000"), f.activeAmount("Dept 1", "Travel", "2025-01"));
        assertEquals(audits, f.auditRows());

        SyncResult forced = f.sync(shrunk, true);
        assertEquals(SyncStatus.SUCCESS, forced.status());
        assertEquals(planned, forced.stats(), "the approved run applies what was planned");
        assertNull(f.history(forced.syncId()).planned());
        assertEquals(5, f.activeBudgets());
    }

    /** Two configs of one customer with the same keys: the second never takes the first's budgets silently. */
    @Test
    void aBudgetBelongsToTheConfigThatCreatedItUntilAnotherIsToldToTakeItOver() {
        ImportFixture owner = fixture();
        String ownersFile = "Engineering,Software,2025-01,100,USD\nSales,Travel,2025-01,50,USD\n";
        owner.sync(ownersFile);
        ImportFixture other = new ImportFixture(db.jdbi(), owner.config.customerId(), ConfigOptions.DEFAULTS);

        SyncResult run = other.sync("Engineering,Software,2025-01,900,EUR\nSupport,Tools,2025-01,10,USD\n");

        assertEquals(SyncStatus.SUCCESS, run.status(), run.message());
        assertEquals(1, run.stats().created());
        assertEquals(0, run.stats().updated());
        assertEquals(new BigDecimal("100.0000"), owner.activeAmount("Engineering", "Software", "2025-01"));
        List<String> warnings = other.history(run.syncId()).warnings();
        assertTrue(warnings.get(0).startsWith("1 rows hold budgets that another config of this customer created;"),
                String.valueOf(warnings));
        assertTrue(warnings.contains("conflict: Engineering / Software / 2025-01 belongs to config "
                + owner.config.id() + " ('upload')"), String.valueOf(warnings));
        SyncResult ownersNext = owner.sync(ownersFile);
        assertEquals(2, ownersNext.stats().unchanged(), "the owner still owns both");
        assertEquals(0, ownersNext.stats().softDeleted());

        ImportFixture taker = new ImportFixture(db.jdbi(), owner.config.customerId(),
                new ConfigOptions(null, null, null, null, null, null, null, null, null, null, null, null, true));
        SyncResult taken = taker.sync("Engineering,Software,2025-01,900,EUR\n");
        assertEquals(1, taken.stats().updated());
        assertTrue(taker.history(taken.syncId()).warnings().isEmpty());
        assertEquals(new BigDecimal("900.0000"), owner.activeAmount("Engineering", "Software", "2025-01"));
    }

    @Test
    void deletionGuardIsConfigurable() {
        ImportFixture f = fixture(options(null, null, 0.5));
        f.sync(ImportFixture.rows(8, "100"));
        assertEquals(SyncStatus.SUCCESS, f.sync(ImportFixture.rows(5, "100")).status());
    }

    @Test
    void aRetryAfterTheCommitReturnsTheStoredOutcomeAndChangesNothing() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(8, "100"));
        String syncId = UUID.randomUUID().toString();
        String changed = ImportFixture.rows(8, "100").replace("Dept 3,Travel,2025-01,100", "Dept 3,Travel,2025-01,300");
        SyncResult committed = f.rerun(syncId, changed, false);
        long audits = f.auditRows();

        // The worker died after the commit, before Temporal heard: the activity runs again with the same sync id,
        // this time on a file that would change something else.
        SyncResult retried = f.rerun(syncId, ImportFixture.rows(8, "999"), false);
        assertEquals(committed, retried);
        assertEquals(new SyncStats(8, 0, 1, 7, 0, 0, 0, 0), retried.stats());
        assertEquals(new BigDecimal("100.0000"), f.activeAmount("Dept 1", "Travel", "2025-01"));
        assertEquals(audits, f.auditRows());
    }

    /** The file is parsed on a thread of its own (ReadAhead); its failure is still the import's, word for word. */
    @Test
    void aFileThatCannotBeReadPastARowFailsWithTheReadersOwnErrorAndChangesNothing() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(3_000, "100.00"));
        String budgets = f.budgetsAsText();
        String damaged = ImportFixture.rows(3_000, "120.00").replace("Dept 2500,Travel", "Dept 2500,\"Travel\"x");

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> f.sync(damaged));

        assertEquals("org.apache.commons.csv.CSVException: Invalid character between encapsulated token and delimiter"
                + " at line: 2,501, position: 88,930", failure.getMessage());
        assertEquals(budgets, f.budgetsAsText(), "no budget changed");
    }

    @Test
    void syncsNeverTouchUtilization() {
        ImportFixture f = fixture();
        f.sync(ImportFixture.rows(8, "100"));
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO budget_utilization (budget_id, committed, reserved)
                        SELECT id, 10, 5 FROM budget WHERE customer_id = :c""")
                .bind("c", f.config.customerId()).execute());
        String before = utilization(f);

        f.sync(ImportFixture.rows(7, "50"));                 // updates and a soft delete
        f.sync(ImportFixture.rows(8, "60"));                 // restore
        f.sync(ImportFixture.rows(2, "60"));                 // held for review
        f.sync(ImportFixture.rows(6, "60") + "Dept 7,Travel,2025-01,lots,USD\nDept 8,Travel,2025-01,?,USD\n"); // failed
        assertEquals(before, utilization(f));
    }

    private static long tableCount(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String utilization(ImportFixture f) {
        List<String> rows = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT u.budget_id || ':' || u.committed || ':' || u.reserved || ':' || u.updated_at
                          FROM budget_utilization u JOIN budget b ON b.id = u.budget_id
                         WHERE b.customer_id = :c ORDER BY u.budget_id""")
                .bind("c", f.config.customerId()).mapTo(String.class).list());
        return String.join(";", rows);
    }

    @Test
    void mixedCurrenciesForOneBudgetAreRejected() {
        ImportFixture f = fixture(options(null, null, null));
        SyncResult result = f.sync("Sales,,FY2025,100,USD\nSales,,FY2025,100,EUR\n");
        assertEquals(SyncStatus.FAILED, result.status());
        assertEquals(0, f.activeBudgets());
        assertTrue(result.message().contains("Sales / FY2025"));
    }
}
