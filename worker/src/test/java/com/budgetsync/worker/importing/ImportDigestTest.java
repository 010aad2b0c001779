package com.budgetsync.worker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.workflow.SyncResult;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A re-sync against the config's import digest stages only the rows that changed, and must end exactly as the full
 * comparison would: the same budgets, audit rows and run records. Each writer that changes a config's budgets behind
 * its imports forgets the digest.
 */
class ImportDigestTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    private static final ConfigOptions TAKE_OVER = new ConfigOptions(null, null, null, null, null, null, null, null,
            null, null, null, null, true);

    private static ImportFixture fixture() {
        return new ImportFixture(db.jdbi(), "c-" + UUID.randomUUID().toString().substring(0, 8),
                ConfigOptions.DEFAULTS);
    }

    /** {@code n} rows "Dept i,Travel,2025-01,amount(i),USD" for i in 1..n. */
    private static String rows(int n, Function<Integer, String> amount) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("Dept ").append(i).append(",Travel,2025-01,").append(amount.apply(i)).append(",USD\n");
        }
        return sb.toString();
    }

    /** One file of the sequence, run by both customers: whole file text, and whether the run is approved. */
    private record Step(String name, String file, boolean force) {
        static Step of(String name, String csv) {
            return new Step(name, ImportFixture.HEADER + csv, false);
        }
    }

    @Test
    void aResyncWithTheDigestEndsExactlyAsAFullComparison() {
        ImportFixture withDigest = fixture();
        ImportFixture full = fixture();
        String shared = "Shared,Travel,2025-01,7,USD\n";
        for (ImportFixture f : List.of(withDigest, full)) {
            // another config of the customer owns one key every file names: a conflict each time
            new ImportFixture(db.jdbi(), f.config.customerId(), ConfigOptions.DEFAULTS).sync(shared);
        }
        String base = rows(40, i -> "100");
        List<Step> steps = List.of(
                Step.of("first load", base + shared),
                Step.of("the same file", base + shared),
                // the digest looks for a row's entry next to the previous row's first: files in another order, or
                // with rows dropped and added in the middle, find theirs all the same
                Step.of("the rows in reverse order, one amount changed", shared + rows(40, i -> i == 6 ? "120" : "100")
                        .lines().sorted(Comparator.reverseOrder()).map(l -> l + "\n").reduce("", String::concat)),
                Step.of("rows dropped and added in the middle", rows(40, i -> "100").replace("Dept 12,Travel,2025-01,"
                        + "100,USD\n", "Mid 1,Travel,2025-01,1,USD\n").replace("Dept 30,Travel,2025-01,100,USD\n", "")
                        + shared),
                Step.of("amounts changed, rows added and dropped", rows(38, i -> i % 10 == 3 ? "150.5" : "100")
                        .replace("Dept 7,", "Dept 7 ,") + "New 1,Travel,2025-01,5,EUR\nNew 2,,FY2025,6,USD\n"
                        + shared),
                Step.of("dropped rows restored, a name respelled, an amount that rounds to the same",
                        rows(40, i -> i == 4 ? "100.00004" : "100").replace("Dept 9,", "DEPT 9,")
                                + "New 1,Travel,2025-01,5,EUR\n" + shared),
                Step.of("a row error", rows(40, i -> i == 5 ? "lots" : "100") + shared),
                Step.of("a repeated key, summed", rows(40, i -> "100") + "Dept 1,Travel,2025-01,1,USD\n" + shared),
                Step.of("after the sum", base + shared),
                Step.of("held: most rows dropped", rows(10, i -> "100") + shared),
                new Step("approved", ImportFixture.HEADER + rows(10, i -> "100") + shared, true),
                Step.of("back to all rows", base + shared),
                new Step("a mapping change: columns reordered, one amount changed",
                        "Currency,Amount,Fiscal Period,Department,Sub Category\n"
                                + rows(40, i -> i == 2 ? "90" : "100").lines()
                                .map(l -> {
                                    String[] c = l.split(",");
                                    return c[4] + "," + c[3] + "," + c[2] + "," + c[0] + "," + c[1] + "\n";
                                })
                                .reduce("", String::concat), false),
                Step.of("currency changed", rows(40, i -> "100").replace("Dept 3,Travel,2025-01,100,USD",
                        "Dept 3,Travel,2025-01,100,EUR") + shared));

        for (Step step : steps) {
            boolean digestBefore = hasDigest(withDigest);
            forgetDigest(full);
            SyncResult a = withDigest.syncFile(step.file(), step.force());
            SyncResult b = full.syncFile(step.file(), step.force());

            assertEquals(outcome(withDigest, a), outcome(full, b), step.name());
            assertEquals(budgets(full), budgets(withDigest), step.name());
            assertEquals(audit(full), audit(withDigest), step.name());
            if (step.name().equals("the same file")) {
                assertTrue(digestBefore, "the first load recorded a digest");
            }
        }
        assertTrue(hasDigest(withDigest));
    }

    @Test
    void aResyncTrustsTheDigestForRowsItHoldsUnchanged() {
        ImportFixture f = fixture();
        String file = rows(5, i -> "100");
        f.sync(file);
        // a write no writer of the application makes: only a full comparison would notice it
        db.jdbi().useHandle(h -> h.execute("UPDATE budget SET amount = 1 WHERE customer_id = ? AND department = ?",
                f.config.customerId(), "Dept 2"));

        assertEquals(5, f.sync(file).stats().unchanged());
        assertEquals(new BigDecimal("1.0000"), f.activeAmount("Dept 2", "Travel", "2025-01"));

        forgetDigest(f);
        assertEquals(1, f.sync(file).stats().updated());
        assertEquals(new BigDecimal("100.0000"), f.activeAmount("Dept 2", "Travel", "2025-01"));
    }

    @Test
    void aDigestOlderThanAWeekIsNotTrusted() {
        ImportFixture f = fixture();
        String file = rows(5, i -> "100");
        f.sync(file);
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE budget SET amount = 1 WHERE customer_id = ? AND department = ?", f.config.customerId(),
                    "Dept 2");
            h.execute("UPDATE import_digest SET created_at = now() - interval '8 days' WHERE config_id = ?",
                    f.config.id());
        });

        assertEquals(1, f.sync(file).stats().updated(), "the full comparison sees the hand-made change");
        assertEquals(new BigDecimal("100.0000"), f.activeAmount("Dept 2", "Travel", "2025-01"));
        int fresh = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM import_digest WHERE config_id = :c"
                + " AND created_at > now() - interval '1 minute'").bind("c", f.config.id()).mapTo(Integer.class).one());
        assertEquals(1, fresh, "and records a fresh digest");
    }

    @Test
    void aDigestTheBudgetsDoNotAddUpToIsNotUsed() {
        ImportFixture f = fixture();
        f.sync(rows(5, i -> "100"));
        db.jdbi().useHandle(h -> h.execute("UPDATE budget SET deleted_at = now() WHERE customer_id = ? AND department"
                + " = ?", f.config.customerId(), "Dept 2"));

        SyncResult run = f.sync(rows(4, i -> "100"));

        assertEquals(SyncStatus.SUCCESS, run.status());
        assertEquals(1, run.stats().softDeleted(), "Dept 5; Dept 2 was deleted before");
        assertEquals(1, run.stats().restored(), "Dept 2 is in the file");
        assertEquals(4, f.activeBudgets());
    }

    @Test
    void anotherConfigTakingBudgetsOverForgetsTheOwnersDigest() {
        ImportFixture owner = fixture();
        String file = "Engineering,Software,2025-01,100,USD\nSales,Travel,2025-01,50,USD\n";
        owner.sync(file);
        assertTrue(hasDigest(owner));
        ImportFixture taker = new ImportFixture(db.jdbi(), owner.config.customerId(), TAKE_OVER);
        taker.sync("Engineering,Software,2025-01,900,EUR\n");

        SyncResult next = owner.sync(file);

        assertEquals(1, next.stats().unchanged(), "Sales only: Engineering is the taker's now");
        assertTrue(owner.history(next.syncId()).warnings().get(0).startsWith("1 rows hold budgets that another"));
        assertEquals(new BigDecimal("900.0000"), owner.activeAmount("Engineering", "Software", "2025-01"));
    }

    @Test
    void deletingTheConfigDeletesItsDigest() {
        ImportFixture f = fixture();
        f.sync(rows(3, i -> "100"));
        assertTrue(hasDigest(f));

        new ConfigDao(db.jdbi()).delete(f.config.id());

        assertTrue(!hasDigest(f));
    }

    @Test
    void aRunThatChangesNothingKeepsTheDigestItFound() {
        ImportFixture f = fixture();
        f.sync(rows(10, i -> "100"));
        String recorded = digestSync(f);

        assertEquals(SyncStatus.FAILED, f.sync(rows(10, i -> i == 10 ? "lots" : "100")).status());
        assertEquals(SyncStatus.NEEDS_REVIEW, f.sync(rows(2, i -> "100")).status());
        assertEquals(SyncStatus.FAILED, f.sync("Dept 1,Travel,2025-01,1,USD\nDept 1,Travel,2025-01,1,EUR\n")
                .status());

        assertEquals(recorded, digestSync(f));
        SyncResult same = f.sync(rows(10, i -> "100"));
        assertEquals(10, same.stats().unchanged());
        assertEquals(recorded, digestSync(f), "the same rows: the digest stays as it was");
        f.sync(rows(10, i -> i == 3 ? "300" : "100"));
        assertNotEquals(recorded, digestSync(f), "a run that changed a budget records its own");
    }

    @Test
    void aFileThatRepeatsAKeyLeavesNoDigest() {
        ImportFixture f = fixture();
        f.sync(rows(3, i -> "100"));

        f.sync(rows(3, i -> "100") + "Dept 1,Travel,2025-01,1,USD\n");

        assertTrue(!hasDigest(f));
        assertEquals(new BigDecimal("101.0000"), f.activeAmount("Dept 1", "Travel", "2025-01"));
    }

    @Test
    void aResyncThatChangesFewBudgetsStoresOnlyThoseBesideTheBase() {
        Twins t = new Twins();
        t.sync("first load", rows(200, i -> "100"));
        String base = base(t.withDigest);

        SyncResult onePercent = t.sync("1% changed", rows(200, i -> i == 3 || i == 4 ? "150" : "100"));

        assertEquals(2, onePercent.stats().updated());
        assertEquals(List.of("Dept 3", "Dept 4"), changes(t.withDigest));
        assertEquals(base, base(t.withDigest), "the base is not rewritten");

        SyncResult later = t.sync("3 and 4 as before, 6 changed, 5 dropped, one added",
                rows(200, i -> i == 3 || i == 4 ? "150" : i == 6 ? "160" : "100")
                        .replace("Dept 5,Travel,2025-01,100,USD\n", "") + "New 1,Travel,2025-01,5,USD\n");

        assertEquals(new SyncStats(200, 1, 1, 198, 1, 0, 0, 0), later.stats());
        assertEquals(List.of("Dept 3", "Dept 4", "Dept 5 (gone)", "Dept 6", "New 1"), changes(t.withDigest));
        assertEquals(base, base(t.withDigest));
    }

    @Test
    void aDigestOfManyPartsReadsBackAsWritten() {
        Twins t = new Twins();
        // 16 bytes an entry, 64 KB a part: 10,000 budgets are three parts, the last one short
        t.sync("first load", rows(10_000, i -> "100"));
        assertEquals(3, (int) db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM import_digest_part WHERE config_id = ?").bind(0, t.withDigest.config.id())
                .mapTo(Integer.class).one()));
        SyncResult resync = t.sync("one amount changed, the last row dropped",
                rows(9_999, i -> i == 5_000 ? "1" : "100"));
        assertEquals(List.of(9_998L, 1L, 1L), List.of(resync.stats().unchanged(), resync.stats().updated(),
                resync.stats().softDeleted()));
    }

    @Test
    void aBudgetChangedAndChangedBackIsUnchangedThroughTheChanges() {
        Twins t = new Twins();
        t.sync("first load", rows(200, i -> "100"));
        t.sync("changed", rows(200, i -> i == 4 ? "150" : "100"));

        assertEquals(1, t.sync("changed back", rows(200, i -> "100")).stats().updated());
        assertEquals(200, t.sync("the same again", rows(200, i -> "100")).stats().unchanged());
        assertEquals(List.of("Dept 4"), changes(t.withDigest));
    }

    @Test
    void aBudgetDroppedAndAddedAgainIsRestoredThroughTheChanges() {
        Twins t = new Twins();
        t.sync("first load", rows(200, i -> "100"));
        String dropped = rows(200, i -> "100").replace("Dept 7,Travel,2025-01,100,USD\n", "");

        assertEquals(1, t.sync("dropped", dropped).stats().softDeleted());
        assertEquals(List.of("Dept 7 (gone)"), changes(t.withDigest));
        assertEquals(1, t.sync("added again", rows(200, i -> "100")).stats().restored());
        assertEquals(List.of("Dept 7"), changes(t.withDigest));
        assertEquals(200, t.sync("the same again", rows(200, i -> "100")).stats().unchanged());
    }

    @Test
    void changesPastATwentiethOfTheBaseAreCompactedIntoANewBase() {
        Twins t = new Twins();
        t.sync("first load", rows(200, i -> "100"));
        String base = base(t.withDigest);
        t.sync("4 changed", rows(200, i -> i <= 4 ? "150" : "100"));
        t.sync("4 more", rows(200, i -> i <= 8 ? "150" : "100"));
        assertEquals(8, changes(t.withDigest).size());
        assertEquals(base, base(t.withDigest), "8 changes of 200 entries stay beside the base");

        SyncResult past = t.sync("4 more: 12 changes", rows(200, i -> i <= 12 ? "150" : "100"));

        assertEquals(List.of(), changes(t.withDigest));
        assertTrue(base(t.withDigest).startsWith(past.syncId()), "a new base: " + base(t.withDigest));
        assertEquals(200, t.sync("the same again", rows(200, i -> i <= 12 ? "150" : "100")).stats().unchanged());
        t.sync("one changed", rows(200, i -> i <= 13 ? "150" : "100"));
        assertEquals(List.of("Dept 13"), changes(t.withDigest));
    }

    @Test
    void changesDoNotExtendTheLifeOfTheirBase() {
        ImportFixture f = fixture();
        f.sync(rows(200, i -> "100"));
        f.sync(rows(200, i -> i == 2 ? "150" : "100"));
        assertEquals(List.of("Dept 2"), changes(f));
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE budget SET amount = 1 WHERE customer_id = ? AND department = ?", f.config.customerId(),
                    "Dept 9");
            h.execute("UPDATE import_digest SET created_at = now() - interval '8 days' WHERE config_id = ?",
                    f.config.id());
        });

        SyncResult run = f.sync(rows(200, i -> i == 2 ? "150" : "100"));

        assertEquals(1, run.stats().updated(), "the full comparison sees the hand-made change");
        assertTrue(base(f).startsWith(run.syncId()), "and records a fresh base");
        assertEquals(List.of(), changes(f));
    }

    @Test
    void forgettingADigestForgetsItsChanges() {
        ImportFixture owner = fixture();
        owner.sync(rows(200, i -> "100"));
        owner.sync(rows(200, i -> i == 2 ? "150" : "100"));
        ImportFixture repeats = fixture();
        repeats.sync(rows(200, i -> "100"));
        repeats.sync(rows(200, i -> i == 2 ? "150" : "100"));
        ImportFixture deleted = fixture();
        deleted.sync(rows(200, i -> "100"));
        deleted.sync(rows(200, i -> i == 2 ? "150" : "100"));
        assertEquals(List.of("Dept 2"), changes(deleted));

        new ImportFixture(db.jdbi(), owner.config.customerId(), TAKE_OVER).sync("Dept 1,Travel,2025-01,900,EUR\n");
        repeats.sync(rows(200, i -> "100") + "Dept 1,Travel,2025-01,1,USD\n");
        new ConfigDao(db.jdbi()).delete(deleted.config.id());

        for (ImportFixture f : List.of(owner, repeats, deleted)) {
            long left = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM import_digest_change WHERE config_id = ?").bind(0, f.config.id())
                    .mapTo(Long.class).one());
            assertEquals(0, left);
        }
        assertEquals(199, owner.sync(rows(200, i -> i == 2 ? "150" : "100")).stats().unchanged(),
                "compared in full: Dept 1 is the taker's now");
    }

    /**
     * A config whose re-syncs use its digest, and one of another customer importing the same files with a full
     * comparison: every run must end alike on both, and the digest read back from base and changes must hold what the
     * full comparison records as a base.
     */
    private static final class Twins {
        final ImportFixture withDigest = fixture();
        final ImportFixture full = fixture();

        SyncResult sync(String step, String csv) {
            forgetDigest(full);
            SyncResult a = withDigest.sync(csv);
            SyncResult b = full.sync(csv);
            assertEquals(outcome(full, b), outcome(withDigest, a), step);
            assertEquals(budgets(full), budgets(withDigest), step);
            assertEquals(audit(full), audit(withDigest), step);
            db.jdbi().useHandle(h -> {
                ByteBuffer expected = ByteBuffer.wrap(h.createQuery(
                        "SELECT string_agg(entries, ''::bytea ORDER BY part) FROM import_digest_part"
                                + " WHERE config_id = ?")
                        .bind(0, full.config.id()).mapTo(byte[].class).one());
                ImportDigest read = ImportDigest.load(h, withDigest.config.id()).orElseThrow();
                assertEquals(expected.capacity() / 16, read.size(), step);
                while (expected.hasRemaining()) {
                    assertEquals(ImportDigest.Match.UNCHANGED, read.match(expected.getLong(), expected.getLong()),
                            step);
                }
            });
            return a;
        }
    }

    /** The base's sync and time of writing. */
    private static String base(ImportFixture f) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT sync_id || ' ' || created_at FROM import_digest WHERE config_id = ?")
                .bind(0, f.config.id()).mapTo(String.class).one());
    }

    /** The changes stored beside the config's base, by their budget's department ("(gone)": a key dropped). */
    private static List<String> changes(ImportFixture f) {
        return db.jdbi().withHandle(h -> {
            Map<Long, String> departments = h.createQuery("""
                            SELECT department, department_key, sub_category_key, fiscal_period FROM budget
                             WHERE customer_id = :c""")
                    .bind("c", f.config.customerId())
                    .reduceResultSet(new HashMap<>(), (map, rs, ctx) -> {
                        map.put(KeyHashes.hash(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(1));
                        return map;
                    });
            return h.createQuery("SELECT key_hash, row_hash IS NULL FROM import_digest_change WHERE config_id = ?")
                    .bind(0, f.config.id())
                    .map((rs, ctx) -> departments.get(rs.getLong(1)) + (rs.getBoolean(2) ? " (gone)" : ""))
                    .list().stream().sorted().toList();
        });
    }

    /** The run's record, but for the id of the other config a conflict names (each customer has its own). */
    private static String outcome(ImportFixture f, SyncResult run) {
        SyncRecord r = f.history(run.syncId());
        return String.join("\n", r.status().dbValue(), String.valueOf(r.stats()), String.valueOf(r.planned()),
                String.valueOf(r.message()), String.valueOf(r.warnings()).replaceAll("config \\d+", "config <other>"),
                String.valueOf(r.errors()));
    }

    /** The customer's budgets without ids: what they hold, whether active, and whose they are. */
    private static List<String> budgets(ImportFixture f) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT concat_ws('|', department, department_key, sub_category, sub_category_key, fiscal_period,
                                         period_type, period_start, period_end, period_label, amount, currency,
                                         deleted_at IS NULL, CASE WHEN source_config_id = :config THEN 'this config'
                                                                  ELSE 'another' END,
                                         created_sync_id IS NOT NULL, last_sync_id IS NOT NULL)
                          FROM budget WHERE customer_id = :c
                         ORDER BY department_key, sub_category_key, fiscal_period""")
                .bind("c", f.config.customerId()).bind("config", f.config.id()).mapTo(String.class).list());
    }

    private static List<String> audit(ImportFixture f) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT concat_ws('|', action, department, sub_category, fiscal_period, old_amount, new_amount,
                                         old_currency, new_currency)
                          FROM audit_log WHERE customer_id = :c ORDER BY 1""")
                .bind("c", f.config.customerId()).mapTo(String.class).list());
    }

    private static boolean hasDigest(ImportFixture f) {
        return digestSync(f) != null;
    }

    private static String digestSync(ImportFixture f) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT sync_id FROM import_digest WHERE config_id = ?")
                .bind(0, f.config.id()).mapTo(String.class).findOne().orElse(null));
    }

    private static void forgetDigest(ImportFixture f) {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM import_digest WHERE config_id = ?", f.config.id()));
    }
}
