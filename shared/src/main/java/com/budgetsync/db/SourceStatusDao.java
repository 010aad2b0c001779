package com.budgetsync.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * How each of a customer's sources is doing, for a sources list: its latest run and how many runs in a row have
 * failed since the last one that worked. Both come from the index {@code sync_history_config_start}.
 */
public final class SourceStatusDao {
    private final Jdbi jdbi;

    public SourceStatusDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param failureStreak failed runs since the latest run that succeeded, partly succeeded or found no new file
     *                      (skipped runs and runs held for review neither break nor extend it)
     */
    public record SourceStatus(long configId, String lastSyncId, String lastStatus, Instant lastStartTime,
                               long failureStreak) {
    }

    public List<SourceStatus> list(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, last.sync_id, last.status, last.start_time,
                               (SELECT count(*) FROM sync_history f
                                 WHERE f.config_id = c.id AND f.status = 'failed'
                                   AND f.start_time > COALESCE((SELECT max(w.start_time) FROM sync_history w
                                                                 WHERE w.config_id = c.id
                                                                   AND w.status IN ('success', 'partial', 'no_new_file')),
                                                               '-infinity')) AS failure_streak
                          FROM budget_data_source_config c
                          LEFT JOIN LATERAL (SELECT sync_id, status, start_time FROM sync_history s
                                              WHERE s.config_id = c.id AND s.status <> 'skipped'
                                              ORDER BY start_time DESC, id DESC LIMIT 1) last ON true
                         WHERE c.customer_id = :customer
                         ORDER BY c.id""")
                .bind("customer", customerId)
                .map((rs, ctx) -> new SourceStatus(rs.getLong("id"), rs.getString("sync_id"), rs.getString("status"),
                        ConfigDao.instant(rs, "start_time"), rs.getLong("failure_streak")))
                .list());
    }
}
