package com.budgetsync.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Each config's finished runs summed up, for the Prometheus endpoint: counts by status, durations in histogram
 * buckets, rows read and row errors. Read from {@code sync_history} at each scrape, so every API instance answers the
 * same figures whichever process ran the runs; they only grow while the history is kept.
 */
public final class RunFigures {
    /** Upper bounds of the duration buckets in seconds: the specification's 30–120 s typical, 5 min alert. */
    public static final List<Integer> DURATION_BUCKETS = List.of(10, 30, 60, 120, 300, 600, 1800, 3600);

    private final Jdbi jdbi;

    public RunFigures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record StatusCount(String customerId, long configId, String status, long runs) {
    }

    /**
     * @param bucketCounts runs at most as long as each of {@link #DURATION_BUCKETS} (cumulative, as Prometheus has it)
     * @param timedRuns    runs with a duration (every finished run except skipped ones)
     */
    public record ConfigRuns(String customerId, long configId, long timedRuns, double durationSeconds,
                             List<Long> bucketCounts, long rows, long rowErrors) {
    }

    /** Finished runs (not {@code running}: a running run's status still changes) per config and status. */
    public List<StatusCount> byStatus() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT customer_id, config_id, status, count(*) AS runs FROM sync_history
                         WHERE config_id IS NOT NULL AND status <> 'running'
                         GROUP BY customer_id, config_id, status ORDER BY customer_id, config_id, status""")
                .map((rs, ctx) -> new StatusCount(rs.getString("customer_id"), rs.getLong("config_id"),
                        rs.getString("status"), rs.getLong("runs")))
                .list());
    }

    public List<ConfigRuns> perConfig() {
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < DURATION_BUCKETS.size(); i++) {
            buckets.append(", count(*) FILTER (WHERE status <> 'skipped' AND duration_ms <= ")
                    .append(DURATION_BUCKETS.get(i) * 1000L).append(") AS le").append(i);
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT customer_id, config_id,
                               count(duration_ms) FILTER (WHERE status <> 'skipped') AS timed,
                               COALESCE(sum(duration_ms) FILTER (WHERE status <> 'skipped'), 0) AS duration_ms,
                               COALESCE(sum(total_rows), 0) AS rows, COALESCE(sum(error_count), 0) AS row_errors
                        """ + buckets + """
                          FROM sync_history
                         WHERE config_id IS NOT NULL AND status <> 'running'
                         GROUP BY customer_id, config_id ORDER BY customer_id, config_id""")
                .map((rs, ctx) -> {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 0; i < DURATION_BUCKETS.size(); i++) {
                        counts.add(rs.getLong("le" + i));
                    }
                    return new ConfigRuns(rs.getString("customer_id"), rs.getLong("config_id"), rs.getLong("timed"),
                            rs.getLong("duration_ms") / 1000.0, List.copyOf(counts), rs.getLong("rows"),
                            rs.getLong("row_errors"));
                })
                .list());
    }
}
