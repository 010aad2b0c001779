package com.budgetsync.api.cli;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.workflow.RetentionReport;
import com.budgetsync.workflow.RetentionWorkflow;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Figure (9), {@code bench --retention-only}: a retention pass over {@value #FILES} stored files past retention and
 * {@value #HISTORY} history rows past 24 months, run through the real daily workflow while the worker imports
 * {@value #IMPORT_ROWS}-row files of other customers back to back. Prints what the pass deleted, how long it took, the
 * chunk table's size before and after, the imports' durations beside one measured alone, and the longest lock wait
 * any session had meanwhile (sampled from {@code pg_locks.waitstart} every {@value #SAMPLE_MS} ms).
 */
final class RetentionBench {
    static final int FILES = 100_000;
    static final int HISTORY = 1_000_000;
    static final int IMPORT_ROWS = 100_000;
    /** One chunk per file, of random bytes (incompressible, so TOAST stores it out of line as real files are). */
    static final int FILE_BYTES = 2_080;
    private static final int CONFIGS = 100;
    private static final int SAMPLE_MS = 20;
    private static final long MB = 1024 * 1024;

    private RetentionBench() {
    }

    static void run(CommandRuntime runtime, Path dir) throws Exception {
        Jdbi jdbi = runtime.jdbi;
        long fill = System.nanoTime();
        jdbi.useHandle(RetentionBench::fill);
        System.out.printf(Locale.ROOT, "(9) retention: %,d stored files (%,d bytes each) and %,d history rows written "
                + "in %.1f s; chunk table %,d MB%n", FILES, FILE_BYTES, HISTORY, (System.nanoTime() - fill) / 1e9,
                chunkBytes(jdbi) / MB);

        Path file = BenchData.write(dir, "meanwhile.csv", IMPORT_ROWS, 0);
        ConfigDao configs = new ConfigDao(jdbi);
        // the second of two imports alone: the first also warms the JIT up
        BenchCommand.Timed alone = null;
        for (int i = 0; i < 2; i++) {
            alone = BenchCommand.Timed.sync(runtime, configs.uploadConfigOf("retention-alone-" + i), file);
            alone.require(SyncStatus.SUCCESS, IMPORT_ROWS, r -> r.stats().created());
        }

        AtomicBoolean going = new AtomicBoolean(true);
        AtomicReference<String> longestWaiter = new AtomicReference<>("none");
        double[] longestWait = new double[1];
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> jdbi.useHandle(h -> {
            while (going.get()) {
                h.createQuery("""
                                SELECT extract(epoch FROM clock_timestamp() - l.waitstart) AS waited,
                                       l.locktype || ' ' || l.mode || ' by: ' || left(a.query, 80) AS waiter
                                  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                                 WHERE NOT l.granted AND l.waitstart IS NOT NULL
                                 ORDER BY l.waitstart LIMIT 1""")
                        .mapToMap().findOne().ifPresent(w -> {
                            double waited = ((Number) w.get("waited")).doubleValue();
                            if (waited > longestWait[0]) {
                                longestWait[0] = waited;
                                longestWaiter.set((String) w.get("waiter"));
                            }
                        });
                sleep(SAMPLE_MS);
            }
        }));
        List<Double> meanwhile = new ArrayList<>();
        CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; going.get(); i++) {
                    BenchCommand.Timed run = BenchCommand.Timed.sync(runtime,
                            configs.uploadConfigOf("retention-meanwhile-" + i), file);
                    run.require(SyncStatus.SUCCESS, IMPORT_ROWS, r -> r.stats().created());
                    synchronized (meanwhile) {
                        meanwhile.add(run.seconds());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sleep(1000);
        long start = System.nanoTime();
        RetentionReport report = runtime.temporal.client().newWorkflowStub(RetentionWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId("retention-bench-" + UUID.randomUUID())
                        .setTaskQueue(TaskQueues.BUDGET_SYNC).build()).purge();
        double seconds = (System.nanoTime() - start) / 1e9;
        going.set(false);
        importing.get();
        sampler.get();
        if (report == null) {
            throw new IllegalStateException("the retention pass failed; see the worker's log");
        }
        double worst = meanwhile.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "    pass through the workflow: %.1f s; %,d files purged (%,d MB), %,d history "
                        + "rows and %,d file rows deleted; chunk table %,d MB before, %,d MB after VACUUM%n", seconds,
                report.filesPurged(), report.bytesPurged() / MB, report.historyDeleted(), report.fileRowsDeleted(),
                report.chunkBytesBefore() / MB, report.chunkBytesAfter() / MB);
        System.out.printf(Locale.ROOT, "    %d imports of %,d rows meanwhile: slowest %.2f s, alone %.2f s; longest "
                        + "lock wait of any session: %.3f s (%s) (target < 2 s, retention's lock timeout) %s%n",
                meanwhile.size(), IMPORT_ROWS, worst, alone.seconds(), longestWait[0], longestWaiter.get(),
                longestWait[0] < 2 ? "MET" : "MISSED");
        long afterPass = chunkBytes(jdbi);
        jdbi.useHandle(h -> storeChunks(h, "reuse", FILES / 2));
        System.out.printf(Locale.ROOT, "    then %,d new files (%,d MB) stored: the chunk table grew %,d MB (plain "
                        + "VACUUM made the purged space reusable; VACUUM FULL is not run, docs/operations.md#retention)%n",
                FILES / 2, (long) FILES / 2 * FILE_BYTES / MB, (chunkBytes(jdbi) - afterPass) / MB);
        boolean complete = report.filesPurged() == FILES && report.historyDeleted() == HISTORY;
        System.out.printf(Locale.ROOT, "    everything due deleted (%,d files, %,d history rows): %s%n", FILES, HISTORY,
                complete ? "MET" : "MISSED");
    }

    /**
     * Per config: a recent successful run with its file (the file retry needs: kept). Past retention: the files, 400
     * to 100 days old, each read by a failed run; all history 25 to 36 months old, the first {@value #FILES} runs
     * those of the files.
     */
    private static void fill(Handle h) {
        h.execute("INSERT INTO customer (id) VALUES ('retention-bench')");
        h.execute("""
                INSERT INTO budget_data_source_config (customer_id, name, source_type, frequency)
                SELECT 'retention-bench', 'source ' || g, 'upload', 'manual' FROM generate_series(1, ?) g""", CONFIGS);
        List<Long> configIds = h.createQuery("""
                SELECT id FROM budget_data_source_config WHERE customer_id = 'retention-bench' ORDER BY id""")
                .mapTo(Long.class).list();
        long first = configIds.get(0);
        h.execute("""
                INSERT INTO stored_file (customer_id, config_id, filename, size_bytes, sha256, created_at)
                SELECT 'retention-bench', ? + g % ?, 'budget-' || g || '.csv', ?, md5(g::text),
                       now() - interval '100 days' - (g % 300) * interval '1 day'
                  FROM generate_series(1, ?) g""", first, CONFIGS, FILE_BYTES, FILES);
        h.execute("""
                INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, file_id, filename,
                                          start_time, end_time, total_rows, errors)
                SELECT 'rb-' || g, 'retention-bench', ? + g % ?, 'cron', 'failed',
                       CASE WHEN g <= ? THEN (SELECT min(id) FROM stored_file WHERE customer_id = 'retention-bench') + g - 1 END,
                       'budget-' || g || '.csv',
                       now() - interval '25 months' - (g % 330) * interval '1 day',
                       now() - interval '25 months' - (g % 330) * interval '1 day' + interval '3 seconds', 10,
                       '[{"row": 2, "column": "amount", "value": "x", "message": "not an amount"}]'
                  FROM generate_series(1, ?) g""", first, CONFIGS, FILES, HISTORY);
        storeChunks(h, "retention-bench", 0);
        for (long config : configIds) {
            long file = h.createQuery("""
                            INSERT INTO stored_file (customer_id, config_id, filename, size_bytes, sha256)
                            VALUES ('retention-bench', ?, 'latest.csv', 16, md5(random()::text)) RETURNING id""")
                    .bind(0, config).mapTo(Long.class).one();
            h.execute("INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (?, 0, ?)", file, new byte[16]);
            h.execute("""
                    INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, file_id,
                                              start_time, end_time)
                    VALUES (?, 'retention-bench', ?, 'cron', 'success', ?, now(), now())""",
                    "rb-latest-" + config, config, file);
        }
        h.execute("VACUUM (ANALYZE) stored_file, stored_file_chunk, sync_history");
    }

    /**
     * One chunk of {@link #FILE_BYTES} random bytes for each of the customer's files without one, after first adding
     * {@code newFiles} files of its own.
     */
    private static void storeChunks(Handle h, String customer, int newFiles) {
        h.execute("""
                INSERT INTO stored_file (customer_id, filename, size_bytes, sha256)
                SELECT ?, 'new-' || g || '.csv', ?, md5(g::text) FROM generate_series(1, ?) g""",
                customer, FILE_BYTES, newFiles);
        h.execute("""
                INSERT INTO stored_file_chunk (file_id, seq, data)
                SELECT f.id, 0, (SELECT decode(string_agg(md5(random()::text), ''), 'hex')
                                   FROM generate_series(1, ?) WHERE f.id > 0) -- correlated: new bytes per file
                  FROM stored_file f
                 WHERE f.customer_id = ? AND NOT EXISTS (SELECT 1 FROM stored_file_chunk c WHERE c.file_id = f.id)""",
                FILE_BYTES / 16, customer);
    }

    private static long chunkBytes(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pg_total_relation_size('stored_file_chunk')")
                .mapTo(Long.class).one());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
