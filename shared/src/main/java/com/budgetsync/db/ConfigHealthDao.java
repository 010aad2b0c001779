package com.budgetsync.db;

import com.budgetsync.domain.DataSourceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * How every config is doing, for the alert checks and the metrics: its last successful import and its streaks of
 * failed and needs-review runs. A streak counts runs since the later of the last run that worked (success, partial,
 * no new file) and the moment the config was enabled again after a pause; skipped runs neither break nor extend it,
 * nor do runs of the other kind (as {@code GET /api/sync/sources} counts it). Each streak is named by its first run,
 * which tells one streak from the next.
 */
public final class ConfigHealthDao {
    private final Jdbi jdbi;

    public ConfigHealthDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param lastSuccessAt     when the last success or partial run ended (its data is what budgets hold); null if
     *                          none has
     * @param lastSuccessSyncId that run's sync id
     * @param failureStreak     failed runs in a row
     * @param failureStreakFrom the streak's first run; null without a streak
     */
    public record ConfigHealth(DataSourceConfig config, Instant lastSuccessAt, String lastSuccessSyncId,
                               long failureStreak, String failureStreakFrom, long reviewStreak,
                               String reviewStreakFrom) {
    }

    /** A run that ended, as the per-run alerts read it. */
    public record FinishedRun(String syncId, String customerId, long configId, String status, long durationMs,
                              long totalRows, long errors) {
    }

    /** A file the config stored (its newest). */
    public record FileSeen(String filename, Instant storedAt) {
    }

    /** Runs of existing configs that ended at or after {@code since} (skipped runs left out), oldest first. */
    public List<FinishedRun> finishedSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sync_id, customer_id, config_id, status, COALESCE(duration_ms, 0) AS duration_ms,
                               total_rows, error_count
                          FROM sync_history
                         WHERE end_time >= :since AND config_id IS NOT NULL AND status NOT IN ('running', 'skipped')
                         ORDER BY end_time, id""")
                .bind("since", since)
                .map((rs, ctx) -> new FinishedRun(rs.getString("sync_id"), rs.getString("customer_id"),
                        rs.getLong("config_id"), rs.getString("status"), rs.getLong("duration_ms"),
                        rs.getLong("total_rows"), rs.getLong("error_count")))
                .list());
    }

    /** The newest file the config stored; empty when it never stored one. */
    public Optional<FileSeen> lastFile(long configId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT filename, created_at FROM stored_file WHERE config_id = :config
                         ORDER BY created_at DESC, id DESC LIMIT 1""")
                .bind("config", configId)
                .map((rs, ctx) -> new FileSeen(rs.getString("filename"), ConfigDao.instant(rs, "created_at")))
                .findOne());
    }

    /** Whether a run of the config that started at or after {@code since} found no new file. */
    public boolean foundNoFileSince(long configId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM sync_history WHERE config_id = :config
                                          AND status = 'no_new_file' AND start_time >= :since)""")
                .bind("config", configId).bind("since", since).mapTo(Boolean.class).one());
    }

    public List<ConfigHealth> all() {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH c AS (SELECT * FROM budget_data_source_config),
                        base AS (
                            SELECT c.id,
                                   GREATEST(COALESCE((SELECT max(w.start_time) FROM sync_history w
                                                       WHERE w.config_id = c.id
                                                         AND w.status IN ('success', 'partial', 'no_new_file')),
                                                     '-infinity'),
                                            COALESCE(c.streak_since, '-infinity')) AS since
                              FROM c)
                        SELECT c.id, c.customer_id, c.name, c.source_type, c.enabled, c.frequency, c.timezone,
                               c.source_config::text AS source_config, c.options::text AS options, c.last_sync_at,
                               c.last_sync_status, c.next_sync_at, c.created_at, c.updated_at, c.paused_reason,
                               ok.end_time AS last_success_at, ok.sync_id AS last_success_sync_id,
                               (SELECT count(*) FROM sync_history f WHERE f.config_id = c.id AND f.status = 'failed'
                                   AND f.start_time > base.since) AS failure_streak,
                               (SELECT f.sync_id FROM sync_history f WHERE f.config_id = c.id AND f.status = 'failed'
                                   AND f.start_time > base.since ORDER BY f.start_time, f.id LIMIT 1)
                                   AS failure_streak_from,
                               (SELECT count(*) FROM sync_history r
                                 WHERE r.config_id = c.id AND r.status = 'needs_review'
                                   AND r.start_time > base.since) AS review_streak,
                               (SELECT r.sync_id FROM sync_history r
                                 WHERE r.config_id = c.id AND r.status = 'needs_review'
                                   AND r.start_time > base.since ORDER BY r.start_time, r.id LIMIT 1)
                                   AS review_streak_from
                          FROM c JOIN base ON base.id = c.id
                          LEFT JOIN LATERAL (SELECT s.end_time, s.sync_id FROM sync_history s
                                              WHERE s.config_id = c.id AND s.status IN ('success', 'partial')
                                              ORDER BY s.start_time DESC, s.id DESC LIMIT 1) ok ON true
                         ORDER BY c.id""")
                .map((rs, ctx) -> new ConfigHealth(ConfigDao.map(rs, ctx), ConfigDao.instant(rs, "last_success_at"),
                        rs.getString("last_success_sync_id"), rs.getLong("failure_streak"),
                        rs.getString("failure_streak_from"), rs.getLong("review_streak"),
                        rs.getString("review_streak_from")))
                .list());
    }
}
