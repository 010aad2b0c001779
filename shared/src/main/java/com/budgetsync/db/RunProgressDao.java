package com.budgetsync.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How far a running import has got ({@code sync_progress}): the worker reports, the API reads. Each report is its own
 * short autocommit statement on a connection of its own, never inside the import's transaction, so it is seen at once.
 */
public final class RunProgressDao {
    private final Jdbi jdbi;

    public RunProgressDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param step      what the import is doing now, in a person's words ("reading rows", ...)
     * @param bytesRead of the file's {@code bytesTotal}; both null when bytes say nothing of the rows left (Excel)
     */
    public record Progress(String step, long rowsRead, Long bytesRead, Long bytesTotal, Instant updatedAt) {
    }

    public void report(String syncId, String step, long rowsRead, Long bytesRead, Long bytesTotal) {
        // A handle of its own (jdbi.open), never the one this thread may hold: withHandle would hand back the
        // import's, inside its transaction and in the middle of its COPY.
        try (Handle h = jdbi.open()) {
            h.createUpdate("""
                            INSERT INTO sync_progress (sync_id, step, rows_read, bytes_read, bytes_total)
                            VALUES (:sync, :step, :rows, :bytes, :total)
                            ON CONFLICT (sync_id) DO UPDATE SET step = excluded.step, rows_read = excluded.rows_read,
                                bytes_read = excluded.bytes_read, bytes_total = excluded.bytes_total,
                                updated_at = now()""")
                    .bind("sync", syncId).bind("step", step).bind("rows", rowsRead).bind("bytes", bytesRead)
                    .bind("total", bytesTotal).execute();
        }
    }

    public Optional<Progress> find(String syncId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT step, rows_read, bytes_read, bytes_total, updated_at FROM sync_progress
                         WHERE sync_id = :sync""")
                .bind("sync", syncId)
                .map((rs, ctx) -> new Progress(rs.getString("step"), rs.getLong("rows_read"),
                        (Long) rs.getObject("bytes_read"), (Long) rs.getObject("bytes_total"),
                        rs.getTimestamp("updated_at").toInstant()))
                .findOne());
    }
}
