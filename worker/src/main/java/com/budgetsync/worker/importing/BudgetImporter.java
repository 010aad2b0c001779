package com.budgetsync.worker.importing;

import com.budgetsync.alerts.BudgetThresholds;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.parsing.ReadAhead;
import com.budgetsync.parsing.RowStream;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.RowNormalizer;
import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.SyncResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine. In one transaction, under a per-customer lock: COPY the file's rows into a staging table, collapse
 * duplicate business keys and diff them against {@code budget} in one set-based statement, apply creates (each
 * recording the sync that created it), updates, restores and soft-deletes with their audit rows, and record the outcome in {@code sync_history}. {@code budget_utilization}
 * is never written, but budgets whose amount changed or that came back are checked against their alert thresholds
 * ({@link BudgetThresholds}), so their alerts exist only if the import commits. A run whose outcome is already recorded returns it unchanged, so a retried activity never imports
 * twice.
 */
public final class BudgetImporter {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetImporter.class);
    private static final int MAX_KEYS_NAMED = 20;
    private static final String FIRST_LOAD = "first_load";
    private static final String DIGEST = "digest";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public BudgetImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public SyncResult run(ImportJob job, ImportProgress progress) {
        Laps laps = new Laps();
        SyncResult result = jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext('budget-import'), hashtext(?))", job.customerId());
            // A million-row file hashes a million keys twice (GROUP BY, then the join with budget): with the default
            // 4 MB those spill to disk. Only this transaction gets the larger budget.
            h.execute("SET LOCAL work_mem = '256MB'");
            Optional<SyncRecord> recorded = SyncHistoryDao.find(h, job.syncId());
            if (recorded.isPresent() && recorded.get().status().isTerminal()) {
                SyncRecord r = recorded.get();
                return new SyncResult(r.syncId(), r.status(), r.stats(), r.message());
            }
            try {
                if (firstLoad(h, job.customerId())) {
                    Optional<SyncResult> loaded = loadFirst(h, job, laps, progress);
                    if (loaded.isPresent()) {
                        return loaded.get();
                    }
                }
                Optional<ImportDigest> digest = ImportDigest.load(h, job.configId());
                if (digest.isPresent()) {
                    Optional<SyncResult> resynced = resync(h, job, digest.get(), laps, progress);
                    if (resynced.isPresent()) {
                        return resynced.get();
                    }
                }
                StagedRows staged = stage(h, job, progress, null);
                laps.lap("staged");
                progress.step(ImportProgress.COMPARING);
                return apply(h, job, staged, laps, progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("staging rows failed: " + e.getMessage(), e);
            }
        });
        laps.lap("committed");
        analyzeAfterLargeChange(result.stats());
        LOG.info("import {} {} ({} rows): {}", job.syncId(), result.status().dbValue(), result.stats().totalRows(), laps);
        return result;
    }

    /**
     * Autovacuum analyses {@code budget} only after its next nap, and until then the planner sees the table as it was:
     * right after a million-row import the budget check's lookup chose a plan that scanned a department's budgets per
     * request (17 ms instead of 0.07 ms). So an import that changed more than a tenth of the table (autovacuum's own
     * default threshold) analyses it at once, after commit so the import's lock is not held meanwhile; SKIP_LOCKED
     * leaves it to an ANALYZE already running.
     */
    private void analyzeAfterLargeChange(SyncStats stats) {
        long changed = stats.created() + stats.updated() + stats.softDeleted() + stats.restored();
        if (changed == 0) {
            return;
        }
        jdbi.useHandle(h -> {
            double estimated = h.createQuery("SELECT reltuples FROM pg_class WHERE oid = 'budget'::regclass")
                    .mapTo(Double.class).one();
            if (estimated < 0 || changed > estimated * 0.1) {
                h.execute("ANALYZE (SKIP_LOCKED) budget");
            }
        });
    }

    /**
     * A dry run: stages and compares the file exactly as {@link #run} does, then rolls everything back, so nothing
     * is written and no budget row stays locked. Takes no customer lock: a dry run must not hold up imports, and it
     * answers for the budgets as they are when it reads them.
     */
    public ChangePreview preview(ImportJob job, long fileId, ImportProgress progress) {
        return jdbi.withHandle(h -> {
            h.begin();
            try {
                h.execute("SET LOCAL work_mem = '256MB'");
                Plan plan = plan(h, job, stage(h, job, progress, null), new Laps(), false);
                ChangePreview.Samples samples = plan.compared() ? ChangeSamples.of(h, job.customerId(), job.configId())
                        : ChangePreview.Samples.NONE;
                List<String> warnings = new ArrayList<>(plan.warnings());
                if (!plan.errors().isEmpty()) {
                    warnings.add(0, plan.stats().errors() + " rows have errors and would be rejected, e.g. row "
                            + plan.errors().get(0).row() + ": " + plan.errors().get(0).message());
                }
                String message = !plan.applies() ? plan.message()
                        : plan.status() == SyncStatus.PARTIAL
                        ? plan.stats().errors() + " rows would be rejected, the rest imported"
                        : "the file would import";
                return new ChangePreview(job.configId(), fileId, job.file().filename(), plan.status(), message,
                        plan.stats(), warnings, samples);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("staging rows failed: " + e.getMessage(), e);
            } finally {
                h.rollback();
            }
        });
    }

    /**
     * A customer's first import has nothing to compare with, so its rows are copied straight into {@code budget}:
     * no staging table, no diff, no second pass. Row errors and the import rules are decided after the copy, and a
     * savepoint undoes it when they stop the run. A file with a repeated business key breaks the unique key during
     * the copy; the savepoint undoes that too and the import takes the staged path, which collapses or refuses
     * duplicates as the config's rules say. Empty when the staged path must run.
     */
    private static Optional<SyncResult> loadFirst(Handle h, ImportJob job, Laps laps, ImportProgress progress)
            throws IOException {
        h.savepoint(FIRST_LOAD);
        StagedRows loaded;
        try {
            loaded = copy(h, job, progress, CopyTarget.budget(job), null);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("loading rows failed: " + e.getMessage(), e);
            }
            h.rollbackToSavepoint(FIRST_LOAD);
            return Optional.empty();
        }
        laps.lap("loaded");
        Plan plan = plan(h, job, loaded, laps, true);
        if (plan.applies()) {
            h.release(FIRST_LOAD);
            rememberMapping(h, job);
            rememberDigest(h, job, loaded, false);
            laps.lap("digest recorded");
        } else {
            h.rollbackToSavepoint(FIRST_LOAD);
        }
        return Optional.of(finish(h, job, plan.status(), plan.stats(), plan.errors(), plan.warnings(),
                plan.message()));
    }

    /**
     * A re-sync against the config's digest: only the rows that are new or changed are staged, the budgets of the
     * keys the file no longer has are found by their key hashes, and the same comparison and changes as a full
     * re-sync run on those rows alone. Empty, with everything undone, when the file repeats a key (the full path sums
     * or refuses duplicates) or the budgets do not add up to what the digest says: the full path, always right, then
     * runs.
     */
    private static Optional<SyncResult> resync(Handle h, ImportJob job, ImportDigest digest, Laps laps,
                                               ImportProgress progress) throws IOException, SQLException {
        laps.lap("digest read");
        h.savepoint(DIGEST);
        StagedRows staged = stage(h, job, progress, digest);
        laps.lap("staged changes");
        String notUsed = "the file repeats a key";
        if (staged.keys.unique()) {
            notUsed = "the config's budgets do not add up to it";
            if (findGone(h, job, digest)) {
                laps.lap("deletions found");
                progress.step(ImportProgress.COMPARING);
                try {
                    SyncResult result = apply(h, job, staged, laps, progress);
                    h.release(DIGEST);
                    return Optional.of(result);
                } catch (DigestMismatch e) {
                    notUsed = e.getMessage();
                }
            }
        }
        LOG.info("import {}: the digest of config {} was not used ({}); comparing every row", job.syncId(),
                job.configId(), notUsed);
        h.rollbackToSavepoint(DIGEST);
        return Optional.empty();
    }

    /** Thrown before anything is applied when the compared rows show the digest is not true of the budgets. */
    private static final class DigestMismatch extends RuntimeException {
        DigestMismatch(String message) {
            super(message);
        }
    }

    /**
     * Puts the budgets of the digest's keys the file no longer has into {@code import_gone}. Only a file that drops
     * keys reads the config's budgets (their keys, hashed as the file's are). False when those budgets are not the
     * ones the digest names.
     */
    private static boolean findGone(Handle h, ImportJob job, ImportDigest digest) {
        h.execute("CREATE TEMP TABLE import_gone (budget_id bigint) ON COMMIT DROP");
        if (digest.unseenKeys() == 0) {
            return true;
        }
        List<Long> gone = new ArrayList<>();
        long active = h.createQuery("""
                        SELECT id, department_key, sub_category_key, fiscal_period FROM budget
                         WHERE customer_id = :customer AND source_config_id = :config AND deleted_at IS NULL""")
                .bind("customer", job.customerId()).bind("config", job.configId()).setFetchSize(10_000)
                .map((rs, ctx) -> {
                    int i = digest.indexOf(KeyHashes.hash(rs.getString(2), rs.getString(3), rs.getString(4)));
                    return i >= 0 && digest.unseen(i) ? rs.getLong(1) : -1L;
                })
                .reduce(0L, (n, id) -> {
                    if (id >= 0) {
                        gone.add(id);
                    }
                    return n + 1;
                });
        if (active != digest.size() || gone.size() != digest.unseenKeys()) {
            return false;
        }
        h.createUpdate("INSERT INTO import_gone SELECT unnest(:ids)").bindArray("ids", Long.class, gone).execute();
        return true;
    }

    /** {@code digest}: stage only the rows it does not hold unchanged; null to stage all. */
    private static StagedRows stage(Handle h, ImportJob job, ImportProgress progress, ImportDigest digest)
            throws IOException, SQLException {
        h.execute("""
                CREATE TEMP TABLE import_rows (
                    source_row bigint, department text, department_key text, sub_category text, sub_category_key text,
                    fiscal_period text, period_type text,
                    period_start date, period_end date, period_label text, amount numeric(19, 4), currency text
                ) ON COMMIT DROP""");
        StagedRows staged = copy(h, job, progress, CopyTarget.staging(), digest);
        // The planner otherwise guesses the row count from the table's size and may pick a sort-based GROUP BY.
        h.execute("ANALYZE import_rows");
        return staged;
    }

    private static StagedRows copy(Handle h, ImportJob job, ImportProgress progress, CopyTarget target,
                                   ImportDigest digest) throws IOException, SQLException {
        progress.step(ImportProgress.READING);
        var copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(target.copySql());
        try (CopyRowWriter writer = new CopyRowWriter(copy);
             // parsed on a second thread while this one normalises and copies: the two take turns otherwise
             RowStream rows = new ReadAhead(TableReader.open(job.file(), job.layout()))) {
            StagedRows staged = new StagedRows(writer, progress, target, digest);
            staged.stream(rows, new RowNormalizer(job.mapping(), job.normalize()));
            writer.finish();
            return staged;
        }
    }

    private static SyncResult apply(Handle h, ImportJob job, StagedRows staged, Laps laps,
                                    ImportProgress progress) {
        Plan plan = plan(h, job, staged, laps, false);
        if (plan.applies()) {
            progress.step(ImportProgress.APPLYING);
            applyChanges(h, job, laps);
            rememberMapping(h, job);
            rememberDigest(h, job, staged, true);
            laps.lap("digest recorded");
        }
        if (!plan.applies() && plan.compared()) {
            // held after comparing (the deletion guard): nothing applied, the comparison's counts are its plan
            SyncStats s = plan.stats();
            SyncStats applied = new SyncStats(s.totalRows(), 0, 0, 0, 0, 0, s.errors(), s.skipped());
            SyncHistoryDao.finish(h, job.syncId(), plan.status(), applied, s, plan.errors(), plan.warnings(),
                    plan.message());
            return new SyncResult(job.syncId(), plan.status(), applied, plan.message());
        }
        return finish(h, job, plan.status(), plan.stats(), plan.errors(), plan.warnings(), plan.message());
    }

    private static void rememberMapping(Handle h, ImportJob job) {
        if (job.mappingMemoryJson() != null) {
            h.createUpdate("UPDATE budget_data_source_config SET mapping_memory = CAST(:m AS jsonb) WHERE id = :id")
                    .bind("m", job.mappingMemoryJson()).bind("id", job.configId()).execute();
        }
    }

    /**
     * Records what the config's budgets hold after an applied import, from the file's rows, but for keys left to
     * another config (conflicts). A file that repeated a key leaves no digest: its budgets hold sums. A re-sync that
     * used the digest stores only what differs from it while those changes stay few; a first load, a full comparison,
     * or too many changes write a new base (and drop the changes).
     */
    private static void rememberDigest(Handle h, ImportJob job, StagedRows staged, boolean compared) {
        if (staged.digest != null && staged.digest.unchangedRows() == staged.budgetRows
                && staged.digest.unseenKeys() == 0) {
            return; // every row as the digest holds it: the stored digest is already this file's
        }
        if (!staged.keys.unique()) {
            ImportDigest.forget(h, List.of(job.configId()));
            return;
        }
        Set<Long> conflicts = !compared ? Set.of() : Set.copyOf(h.createQuery("""
                        SELECT department_key, sub_category_key, fiscal_period FROM import_diff
                         WHERE action = 'conflict'""")
                .map((rs, ctx) -> KeyHashes.hash(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        if (staged.digest == null || !staged.digest.storeChanges(h, job.configId(), conflicts)) {
            ImportDigest.store(h, job, staged.hashes, conflicts);
        }
    }

    /**
     * What the staged rows would do, decided without writing a budget: the status the run ends with, its counts and
     * why. {@code compared} says whether {@code import_diff} holds the changes the counts name.
     */
    private record Plan(SyncStatus status, SyncStats stats, List<RowError> errors, List<String> warnings,
                        String message, boolean compared) {
        boolean applies() {
            return status == SyncStatus.SUCCESS || status == SyncStatus.PARTIAL;
        }
    }

    /**
     * {@code loaded}: the rows went straight into {@code budget} on a first load, so every one is created and the
     * unique key has already proved that no two share a key (nothing to collapse, no currencies to compare).
     */
    private static Plan plan(Handle h, ImportJob job, StagedRows staged, Laps laps, boolean loaded) {
        List<String> warnings = new ArrayList<>(staged.skippedReport);
        if (staged.nulReport != null) {
            warnings.add(0, staged.nulReport);
        }
        List<RowError> errors = new ArrayList<>(staged.errors);
        ImportPolicy policy = new ImportPolicy(job.rules());
        SyncStats nothingApplied = new SyncStats(staged.budgetRows, 0, 0, 0, 0, 0, staged.errorCount, staged.skipped);
        ImportPolicy.Decision rows = policy.rows(job.file().filename(), staged.budgetRows, staged.errorCount);
        if (rows.stops()) {
            SyncStats stats = staged.budgetRows + staged.errorCount == 0 ? SyncStats.EMPTY : nothingApplied;
            return new Plan(rows.stopWith(), stats, errors, warnings, rows.message(), false);
        }
        if (loaded) {
            return decide(policy, job, staged, new Diff(Map.of("created", staged.budgetRows), 0), errors, warnings);
        }
        Diff diff = diff(h, job, staged);
        laps.lap("diffed");
        warnings.addAll(conflicts(h, diff.count("conflict")));
        ImportPolicy.Decision currencies = policy.currencies(duplicateKeys(h, "mixed_currency"));
        if (currencies.stops()) {
            return new Plan(currencies.stopWith(), nothingApplied, errors, warnings, currencies.message(), false);
        }
        ImportPolicy.Decision duplicates = policy.duplicates(duplicateKeys(h, "row_count > 1"));
        if (duplicates.stops()) {
            return new Plan(duplicates.stopWith(), nothingApplied, errors, warnings, duplicates.message(), false);
        }
        if (duplicates.warning() != null) {
            warnings.add(duplicates.warning());
        }
        return decide(policy, job, staged, diff, errors, warnings);
    }

    /** The deletion guard, then success or partial, from the diff's counts. */
    private static Plan decide(ImportPolicy policy, ImportJob job, StagedRows staged, Diff diff, List<RowError> errors,
                               List<String> warnings) {
        SyncStats planned = new SyncStats(staged.budgetRows, diff.count("created"), diff.count("updated"),
                diff.count("unchanged"), diff.count("deleted"), diff.count("restored"), staged.errorCount,
                staged.skipped);
        ImportPolicy.Decision deletions = policy.deletions(diff.count("deleted"), diff.activeBefore(), job.force());
        if (deletions.stops()) {
            return new Plan(deletions.stopWith(), planned, errors, warnings, deletions.message(), true);
        }
        SyncStatus status = staged.errorCount > 0 ? SyncStatus.PARTIAL : SyncStatus.SUCCESS;
        String message = status == SyncStatus.PARTIAL
                ? staged.errorCount + " rows rejected, the rest imported" : "imported";
        return new Plan(status, planned, errors, warnings, message, true);
    }

    /**
     * One statement classifies every business key of the file and every budget of the customer: the file's keys
     * (duplicates collapsed) FULL JOIN the customer's budgets. A FULL JOIN can only run as a hash or merge join, so the
     * plan stays linear however wrong the row estimates are for budgets this very transaction has not yet analysed
     * (an anti-join on stale estimates became a nested loop: 20,000 rows took 40 s). Budgets of the config that the
     * file no longer has come out as 'deleted'; the customer's other budgets drop out. When staging proved the keys
     * unique ({@link KeyHashes}) there is no GROUP BY at all; otherwise it has no DISTINCT aggregate, so it can hash
     * instead of sorting a million keys under the database's collation (13 s → 5 s for a million rows against a
     * million budgets). Type and dates follow from the canonical period, so grouping by them changes no group and
     * saves three aggregate states per key.
     */
    /** Keys per action, and how many budgets of the config were active before the run. */
    private record Diff(Map<String, Long> actions, long activeBefore) {
        long count(String action) {
            return actions.getOrDefault(action, 0L);
        }
    }

    /** The file's keys when they are known to be unique: one row each, nothing to collapse. */
    private static final String UNIQUE_KEYS = """
            SELECT department, department_key, sub_category, sub_category_key, fiscal_period, period_type,
                   period_start, period_end, period_label, amount, currency, 1 AS row_count, false AS mixed_currency,
                   source_row AS first_row
              FROM import_rows""";
    /**
     * The file's keys with duplicates collapsed: amounts summed, currencies compared. Names that differ only in case
     * or spacing are one key; the budget is named as the key's first spelling in the file (min() of it is close
     * enough: any of the file's spellings).
     */
    private static final String GROUPED_KEYS = """
            SELECT min(department) AS department, department_key, min(sub_category) AS sub_category,
                   sub_category_key, fiscal_period, period_type, period_start, period_end,
                   min(period_label) AS period_label, sum(amount) AS amount, min(currency) AS currency,
                   count(*) AS row_count, min(currency) <> max(currency) AS mixed_currency,
                   min(source_row) AS first_row
              FROM import_rows
             GROUP BY department_key, sub_category_key, fiscal_period, period_type, period_start, period_end""";

    /** Every budget of the customer: the full comparison. */
    private static final String ALL_BUDGETS = "SELECT * FROM budget WHERE customer_id = :customer";
    /**
     * With a digest, the budgets of the staged keys (by the business key's index) and those the file deletes: every
     * other budget of the config is one the digest holds unchanged, and other configs' budgets drop out anyway.
     */
    private static final String STAGED_AND_GONE_BUDGETS = """
            SELECT b.* FROM import_rows r
              JOIN budget b ON b.customer_id = :customer AND b.department_key = r.department_key
               AND b.sub_category_key = r.sub_category_key AND b.fiscal_period = r.fiscal_period
            UNION ALL
            SELECT b.* FROM import_gone g JOIN budget b ON b.id = g.budget_id""";

    private static Diff diff(Handle h, ImportJob job, StagedRows staged) {
        boolean uniqueKeys = staged.keys.unique();
        // Only keys that change something, or that the duplicate and currency checks must name, are kept: a re-sync
        // of a million budgets that changes 1% writes ten thousand rows here, not a million.
        h.execute("""
                CREATE TEMP TABLE import_diff (
                    department text, department_key text, sub_category text, sub_category_key text,
                    fiscal_period text, period_type text, period_start date,
                    period_end date, period_label text, amount numeric(19, 4), currency text, row_count bigint,
                    mixed_currency boolean, first_row bigint, budget_id bigint, old_amount numeric(19, 4),
                    old_currency text, action text, owner_config bigint
                ) ON COMMIT DROP""");
        if (uniqueKeys && firstLoad(h, job.customerId())) {
            // Nothing to compare with: every key is created, and a join would hash a million keys against nothing.
            long created = h.createUpdate("""
                            INSERT INTO import_diff
                            SELECT department, department_key, sub_category, sub_category_key, fiscal_period,
                                   period_type, period_start, period_end, period_label, amount, currency, 1, false,
                                   source_row, NULL, NULL, NULL, 'created', NULL
                              FROM import_rows""").execute();
            return new Diff(Map.of("created", created), 0);
        }
        Map<String, Long> actions = new HashMap<>();
        long active = h.createQuery("""
                        WITH d AS (
                            SELECT k.department, k.department_key, k.sub_category, k.sub_category_key,
                                   k.fiscal_period, k.period_type, k.period_start,
                                   k.period_end, k.period_label, k.amount, k.currency, k.row_count, k.mixed_currency,
                                   k.first_row, b.id AS budget_id, b.amount AS old_amount, b.currency AS old_currency,
                                   (b.deleted_at IS NULL AND b.source_config_id = :config) IS TRUE AS was_active_here,
                                   b.source_config_id AS owner_config,
                                   CASE WHEN k.department IS NULL THEN 'deleted'
                                        WHEN b.id IS NULL THEN 'created'
                                        -- a budget belongs to the config that created it while that config exists
                                        WHEN NOT :takeOver AND b.source_config_id <> :config
                                             AND EXISTS (SELECT 1 FROM budget_data_source_config c
                                                          WHERE c.id = b.source_config_id) THEN 'conflict'
                                        WHEN b.deleted_at IS NOT NULL THEN 'restored'
                                        WHEN b.amount <> k.amount OR b.currency <> k.currency
                                             OR b.source_config_id IS DISTINCT FROM :config
                                             OR b.department <> k.department OR b.sub_category <> k.sub_category
                                             THEN 'updated'
                                        ELSE 'unchanged' END AS action
                              FROM (%s) k
                              FULL JOIN (%s) b
                                ON b.department_key = k.department_key AND b.sub_category_key = k.sub_category_key
                               AND b.fiscal_period = k.fiscal_period
                             WHERE k.department IS NOT NULL
                                OR (b.deleted_at IS NULL AND b.source_config_id = :config)),
                        kept AS (
                            INSERT INTO import_diff
                            SELECT department, department_key, sub_category, sub_category_key, fiscal_period,
                                   period_type, period_start, period_end, period_label, amount, currency, row_count,
                                   mixed_currency, first_row, budget_id, old_amount, old_currency, action,
                                   owner_config
                              FROM d WHERE action <> 'unchanged' OR row_count > 1 OR mixed_currency)
                        SELECT action, count(*) AS n, count(*) FILTER (WHERE was_active_here) AS active
                          FROM d GROUP BY action""".formatted(uniqueKeys ? UNIQUE_KEYS : GROUPED_KEYS,
                        staged.digest == null ? ALL_BUDGETS : STAGED_AND_GONE_BUDGETS))
                .bind("customer", job.customerId()).bind("config", job.configId())
                .bind("takeOver", job.rules().takeOverBudgetsOrDefault())
                .reduceRows(0L, (sum, row) -> {
                    actions.put(row.getColumn("action", String.class), row.getColumn("n", Long.class));
                    return sum + row.getColumn("active", Long.class);
                });
        Diff compared = new Diff(actions, active);
        return staged.digest == null ? compared : withDigest(compared, staged.digest);
    }

    /**
     * The compared rows' counts with the rows the digest held unchanged added. Every staged key the digest holds and
     * every key the file dropped must be an active budget of the config: anything else means the digest is not true.
     */
    private static Diff withDigest(Diff compared, ImportDigest digest) {
        long expected = digest.changedRows() + digest.unseenKeys();
        if (compared.activeBefore() != expected) {
            throw new DigestMismatch(compared.activeBefore() + " of the compared budgets are the config's, the digest"
                    + " says " + expected);
        }
        Map<String, Long> actions = new HashMap<>(compared.actions());
        actions.merge("unchanged", digest.unchangedRows(), Long::sum);
        return new Diff(actions, compared.activeBefore() + digest.unchangedRows());
    }

    /** The customer has no budget at all, active or deleted: its first import. */
    private static boolean firstLoad(Handle h, String customerId) {
        return h.createQuery("SELECT NOT EXISTS (SELECT 1 FROM budget WHERE customer_id = :customer)")
                .bind("customer", customerId).mapTo(Boolean.class).one();
    }

    private static void applyChanges(Handle h, ImportJob job, Laps laps) {
        // A created budget records the sync that created it (the history keeps the file); the audit log holds changes.
        h.createUpdate("""
                        INSERT INTO budget (customer_id, department, department_key, sub_category, sub_category_key,
                                            fiscal_period, period_type, period_start, period_end, period_label,
                                            amount, currency, source_config_id, last_sync_id, created_sync_id)
                        SELECT :customer, department, department_key, sub_category, sub_category_key, fiscal_period,
                               period_type, period_start, period_end, period_label, amount, currency, :config, :sync,
                               :sync
                          FROM import_diff WHERE action = 'created'
                         -- file order (a cheap bigint sort): exports come grouped by department, so index inserts
                         -- land on neighbouring pages instead of the hash order the diff left
                         ORDER BY first_row""")
                .bind("customer", job.customerId()).bind("config", job.configId()).bind("sync", job.syncId())
                .execute();
        laps.lap("created");
        h.createUpdate("""
                        WITH changed AS (
                            UPDATE budget b
                               SET department = d.department, sub_category = d.sub_category,
                                   amount = d.amount, currency = d.currency, period_type = d.period_type,
                                   period_start = d.period_start, period_end = d.period_end,
                                   period_label = d.period_label, source_config_id = :config, last_sync_id = :sync,
                                   deleted_at = NULL, updated_at = now()
                              FROM import_diff d
                             WHERE b.id = d.budget_id AND d.action IN ('updated', 'restored')
                            RETURNING b.id, d.action, b.department, b.sub_category, b.fiscal_period, d.old_amount,
                                      d.old_currency, b.amount, b.currency)
                        INSERT INTO audit_log (customer_id, budget_id, sync_id, action, department, sub_category,
                                               fiscal_period, old_amount, new_amount, old_currency, new_currency)
                        SELECT :customer, id, :sync, action, department, sub_category, fiscal_period, old_amount,
                               amount, old_currency, currency
                          FROM changed""")
                .bind("customer", job.customerId()).bind("config", job.configId()).bind("sync", job.syncId())
                .execute();
        laps.lap("updated");
        // A lowered amount may put what is already committed or reserved over a threshold, a raised one re-arms it:
        // only the budgets whose amount changed or that came back are checked, in this transaction, and of those only
        // the ones drawn on: a budget without utilization has no crossing to raise or re-arm.
        BudgetThresholds.check(h, job.customerId(), h.createQuery("""
                        SELECT d.budget_id FROM import_diff d JOIN budget_utilization u ON u.budget_id = d.budget_id
                         WHERE d.action = 'restored' OR (d.action = 'updated' AND d.amount <> d.old_amount)""")
                .mapTo(Long.class).list(), job.syncId());
        laps.lap("thresholds checked");
        // Budgets taken over from another config are no longer what that config's digest says.
        ImportDigest.forget(h, h.createQuery("""
                        SELECT DISTINCT owner_config FROM import_diff
                         WHERE action = 'updated' AND owner_config <> :config""")
                .bind("config", job.configId()).mapTo(Long.class).list());
        h.createUpdate("""
                        WITH deleted AS (
                            UPDATE budget b SET deleted_at = now(), last_sync_id = :sync, updated_at = now()
                              FROM import_diff d
                             WHERE b.id = d.budget_id AND d.action = 'deleted'
                            RETURNING b.id, b.department, b.sub_category, b.fiscal_period, b.amount, b.currency)
                        INSERT INTO audit_log (customer_id, budget_id, sync_id, action, department, sub_category,
                                               fiscal_period, old_amount, old_currency)
                        SELECT :customer, id, :sync, 'deleted', department, sub_category, fiscal_period, amount, currency
                          FROM deleted""")
                .bind("customer", job.customerId()).bind("sync", job.syncId())
                .execute();
        laps.lap("deleted");
    }

    /**
     * Rows whose budget another config of the customer created: left as they are, and said so, key by key (the first
     * {@value #MAX_KEYS_NAMED}), so two configs never silently take each other's budgets over.
     */
    private static List<String> conflicts(Handle h, long count) {
        if (count == 0) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        warnings.add(count + " rows hold budgets that another config of this customer created; they were left as"
                + " they are (set options.takeOverBudgets to true on this config to take them over)");
        warnings.addAll(h.createQuery("""
                        SELECT d.department, d.sub_category, d.fiscal_period, d.owner_config, c.name
                          FROM import_diff d LEFT JOIN budget_data_source_config c ON c.id = d.owner_config
                         WHERE d.action = 'conflict' ORDER BY d.first_row LIMIT %d""".formatted(MAX_KEYS_NAMED))
                .map((rs, ctx) -> "conflict: " + rs.getString(1) + (rs.getString(2).isEmpty() ? "" : " / "
                        + rs.getString(2)) + " / " + rs.getString(3) + " belongs to config " + rs.getLong(4)
                        + (rs.getString(5) == null ? "" : " ('" + rs.getString(5) + "')"))
                .list());
        return warnings;
    }

    private static List<String> duplicateKeys(Handle h, String condition) {
        return h.createQuery("SELECT department, sub_category, fiscal_period FROM import_diff WHERE " + condition
                        + " ORDER BY first_row LIMIT " + MAX_KEYS_NAMED)
                .map((rs, ctx) -> rs.getString(1) + (rs.getString(2).isEmpty() ? "" : " / " + rs.getString(2))
                        + " / " + rs.getString(3))
                .list();
    }

    private static SyncResult finish(Handle h, ImportJob job, SyncStatus status, SyncStats stats,
                                     List<RowError> errors, List<String> warnings, String message) {
        SyncHistoryDao.finish(h, job.syncId(), status, stats, errors, warnings, message);
        return new SyncResult(job.syncId(), status, stats, message);
    }
}
