package com.budgetsync.worker.retention;

import com.budgetsync.settings.RetentionSettings;
import com.budgetsync.worker.ActivityProgress;
import com.budgetsync.workflow.RetentionReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retention pass (docs/operations.md#retention), as of a given time:
 * <ol>
 * <li>stored files older than their customer's retention lose their contents (the chunks, where the bytes are); the
 * file row stays, so the poll still knows what it imported and the history still names the file. Kept: the file of
 * each config's last successful run (success or partial: the poll compares new files with it, approve and retry of
 * it still work) and of every run that is running or needs review;</li>
 * <li>history rows older than the history period go (with their notifications and progress), except those runs
 * themselves: running, needing review, or a config's last success. The audit log is not touched;</li>
 * <li>file rows whose contents went and that no run refers to any more go;</li>
 * <li>VACUUM makes the space of the deleted chunks reusable and gives trailing pages back to the system.</li>
 * </ol>
 * Each batch is its own short transaction that skips rows another transaction holds ({@code SKIP LOCKED}) and waits
 * at most {@link #LOCK_TIMEOUT} for any lock, so imports running meanwhile are never held up for long. Deleting is
 * idempotent: a retried or repeated pass finds nothing more. VACUUM FULL is not used: it would lock the chunk table
 * against every import for as long as it rewrites it.
 */
public final class RetentionPass {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPass.class);
    static final String LOCK_TIMEOUT = "2s";
    /** History rows are small: more of them per batch. */
    private static final int HISTORY_BATCH_FACTOR = 10;

    private final Jdbi jdbi;
    private final RetentionSettings settings;

    public RetentionPass(Jdbi jdbi, RetentionSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    public RetentionReport run(Instant passTime) {
        try (Handle h = jdbi.open()) {
            h.createUpdate("INSERT INTO retention_pass (pass_time) VALUES (:t) ON CONFLICT (pass_time) DO NOTHING")
                    .bind("t", passTime).execute();
            long before = chunkBytes(h);
            keepLastSuccesses(h);
            long[] files = purgeFiles(h, passTime);
            long history = deleteHistory(h, passTime);
            long fileRows = deleteUnreferencedFiles(h);
            h.execute("DROP TABLE IF EXISTS retention_kept_run");
            h.execute("VACUUM (ANALYZE) stored_file_chunk");
            h.execute("VACUUM (ANALYZE) sync_history");
            h.execute("VACUUM (ANALYZE) stored_file");
            long after = chunkBytes(h);
            h.createUpdate("""
                            UPDATE retention_pass
                               SET finished_at = now(), files_purged = files_purged + :files,
                                   bytes_purged = bytes_purged + :bytes, history_deleted = history_deleted + :history,
                                   file_rows_deleted = file_rows_deleted + :fileRows,
                                   chunk_bytes_before = COALESCE(chunk_bytes_before, :before),
                                   chunk_bytes_after = :after
                             WHERE pass_time = :t""")
                    .bind("files", files[0]).bind("bytes", files[1]).bind("history", history)
                    .bind("fileRows", fileRows).bind("before", before).bind("after", after).bind("t", passTime)
                    .execute();
            RetentionReport report = new RetentionReport(files[0], files[1], history, fileRows, before, after);
            LOG.info("retention pass {}: {}", passTime, report);
            return report;
        }
    }

    /**
     * The runs whose files (and history rows) stay: each config's last success, computed once per pass. A run that
     * succeeds meanwhile only makes an older one not the last any more, so keeping this set is never too little;
     * running and needs-review runs are checked again in each batch, as they may start meanwhile (a retry).
     */
    private static void keepLastSuccesses(Handle h) {
        h.execute("DROP TABLE IF EXISTS retention_kept_run");
        h.execute("""
                CREATE TEMP TABLE retention_kept_run AS
                SELECT DISTINCT ON (config_id) id, file_id FROM sync_history
                 WHERE status IN ('success', 'partial') AND config_id IS NOT NULL
                 ORDER BY config_id, id DESC""");
        h.execute("CREATE INDEX ON retention_kept_run (id)");
        h.execute("CREATE INDEX ON retention_kept_run (file_id)");
        h.execute("ANALYZE retention_kept_run");
    }

    /** @return files purged and their bytes */
    private long[] purgeFiles(Handle h, Instant now) {
        long files = 0;
        long bytes = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<long[]> batch = inShortTransaction(h, () -> h.createQuery("""
                            WITH due AS (
                                SELECT f.id, f.size_bytes FROM stored_file f
                                  LEFT JOIN customer c ON c.id = f.customer_id
                                 WHERE f.id > :after AND f.purged_at IS NULL
                                   AND f.created_at < CAST(:now AS timestamptz)
                                       - make_interval(days => COALESCE(c.file_retention_days, :days))
                                   AND NOT EXISTS (SELECT 1 FROM retention_kept_run k WHERE k.file_id = f.id)
                                   AND NOT EXISTS (SELECT 1 FROM sync_history s WHERE s.file_id = f.id
                                                      AND s.status IN ('running', 'needs_review'))
                                 ORDER BY f.id LIMIT :batch
                                 FOR UPDATE OF f SKIP LOCKED),
                            chunks AS (DELETE FROM stored_file_chunk k USING due WHERE k.file_id = due.id)
                            UPDATE stored_file f SET purged_at = CAST(:now AS timestamptz)
                              FROM due WHERE f.id = due.id
                            RETURNING f.id, due.size_bytes""")
                    .bind("after", from).bind("now", Timestamp.from(now)).bind("days", settings.fileDays())
                    .bind("batch", settings.batch())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            if (batch.isEmpty()) {
                return new long[] {files, bytes};
            }
            for (long[] file : batch) {
                files++;
                bytes += file[1];
                after = Math.max(after, file[0]);
            }
            ActivityProgress.current().rows(files);
        }
    }

    private long deleteHistory(Handle h, Instant now) {
        Timestamp cutoff = Timestamp.from(now.atOffset(ZoneOffset.UTC).minusMonths(settings.historyMonths())
                .toInstant());
        return deleteInBatches(h, after -> h.createQuery("""
                        WITH old AS (
                            SELECT s.id FROM sync_history s
                             WHERE s.id > :after AND s.start_time < :cutoff
                               AND s.status NOT IN ('running', 'needs_review')
                               AND NOT EXISTS (SELECT 1 FROM retention_kept_run k WHERE k.id = s.id)
                             ORDER BY s.id LIMIT :batch
                             FOR UPDATE SKIP LOCKED)
                        DELETE FROM sync_history s USING old WHERE s.id = old.id RETURNING s.id""")
                .bind("after", after).bind("cutoff", cutoff)
                .bind("batch", settings.batch() * HISTORY_BATCH_FACTOR), deleted -> ActivityProgress.current()
                .rows(deleted));
    }

    private long deleteUnreferencedFiles(Handle h) {
        return deleteInBatches(h, after -> h.createQuery("""
                        WITH gone AS (
                            SELECT f.id FROM stored_file f
                             WHERE f.id > :after AND f.purged_at IS NOT NULL
                               AND NOT EXISTS (SELECT 1 FROM sync_history s WHERE s.file_id = f.id)
                             ORDER BY f.id LIMIT :batch
                             FOR UPDATE SKIP LOCKED)
                        DELETE FROM stored_file f USING gone WHERE f.id = gone.id RETURNING f.id""")
                .bind("after", after).bind("batch", settings.batch() * HISTORY_BATCH_FACTOR), deleted -> { });
    }

    /**
     * Deletes by id in ascending batches, each in its own short transaction: {@code batch} deletes the next batch
     * after the id it is given and returns the ids it deleted. Returns how many were deleted.
     */
    private static long deleteInBatches(Handle h, LongFunction<Query> batch, LongConsumer deletedSoFar) {
        long deleted = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = inShortTransaction(h, () -> batch.apply(from).mapTo(Long.class).list());
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += ids.size();
            after = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            deletedSoFar.accept(deleted);
        }
    }

    private static <T> T inShortTransaction(Handle h, Supplier<T> work) {
        return h.inTransaction(tx -> {
            tx.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            return work.get();
        });
    }

    private static long chunkBytes(Handle h) {
        return h.createQuery("SELECT pg_total_relation_size('stored_file_chunk')").mapTo(Long.class).one();
    }
}
