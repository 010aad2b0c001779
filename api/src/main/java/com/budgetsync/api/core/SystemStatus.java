package com.budgetsync.api.core;

import com.budgetsync.api.core.StoredConfigCheck.InvalidConfig;
import com.budgetsync.api.temporal.TemporalConnection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/** Reachability of PostgreSQL and Temporal, and what the scheduler is doing, for health checks and the health API. */
public final class SystemStatus {
    private final Jdbi jdbi;
    private final TemporalConnection temporal;
    private final StoredConfigCheck storedConfigs;

    public SystemStatus(Jdbi jdbi, TemporalConnection temporal, StoredConfigCheck storedConfigs) {
        this.jdbi = jdbi;
        this.temporal = temporal;
        this.storedConfigs = storedConfigs;
    }

    /**
     * The seed's health shape plus the reachability of each dependency, the stored configs that today's
     * validation would refuse (they still run; see {@link StoredConfigCheck}), and each customer's open alerts
     * ({@code GET /api/alerts?customerId=&open=true} lists them).
     */
    public record Report(String status, long scheduledJobs, long runningJobs, Map<String, Instant> lastSyncTimes,
                         Dependency database, Dependency temporal, List<InvalidConfig> invalidConfigs,
                         Map<String, Long> openAlerts) {
        /** The report with only the customers {@code visible} accepts (a customer key sees itself alone). */
        public Report visibleTo(Predicate<String> visible) {
            Map<String, Instant> shown = new TreeMap<>(lastSyncTimes);
            shown.keySet().removeIf(visible.negate());
            Map<String, Long> alerts = new TreeMap<>(openAlerts);
            alerts.keySet().removeIf(visible.negate());
            return new Report(status, scheduledJobs, runningJobs, shown, database, temporal,
                    invalidConfigs.stream().filter(c -> visible.test(c.customerId())).toList(), alerts);
        }
    }

    public record Dependency(boolean reachable, String detail) {
    }

    public Report report() {
        Dependency db = database();
        Dependency tmp = temporal();
        long scheduled = 0;
        long running = 0;
        Map<String, Instant> last = new TreeMap<>();
        Map<String, Long> alerts = new TreeMap<>();
        if (db.reachable()) {
            scheduled = jdbi.withHandle(h -> h.createQuery("""
                    SELECT count(*) FROM budget_data_source_config WHERE enabled AND frequency <> 'manual'
                       AND source_type <> 'upload'""").mapTo(Long.class).one());
            running = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM sync_history WHERE status = 'running'")
                    .mapTo(Long.class).one());
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT customer_id, max(last_sync_at) AS last FROM budget_data_source_config
                             WHERE last_sync_at IS NOT NULL GROUP BY customer_id""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .forEach(e -> last.put(e.getKey(), e.getValue())));
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT customer_id, count(*) FROM alert WHERE closed_at IS NULL GROUP BY customer_id""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> alerts.put(e.getKey(), e.getValue())));
        }
        String status = db.reachable() && tmp.reachable() ? "healthy" : "unhealthy";
        return new Report(status, scheduled, running, last, db, tmp, storedConfigs.invalid(), alerts);
    }

    public Dependency database() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new Dependency(true, "PostgreSQL answers");
        } catch (RuntimeException e) {
            return new Dependency(false, "PostgreSQL unreachable: " + e.getMessage());
        }
    }

    public Dependency temporal() {
        try {
            temporal.stubs().healthCheck();
            return new Dependency(true, "Temporal answers at " + temporal.address());
        } catch (RuntimeException e) {
            return new Dependency(false, "Temporal unreachable at " + temporal.address() + ": " + e.getMessage());
        }
    }
}
