package com.budgetsync.api.core;

import com.budgetsync.api.core.StoredConfigCheck.InvalidConfig;
import com.budgetsync.api.temporal.TemporalConnection;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
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
    private final LiveRuns liveRuns;

    public SystemStatus(Jdbi jdbi, TemporalConnection temporal, StoredConfigCheck storedConfigs) {
        this.jdbi = jdbi;
        this.temporal = temporal;
        this.storedConfigs = storedConfigs;
        this.liveRuns = new LiveRuns(jdbi, temporal, Clock.systemUTC());
    }

    /**
     * The seed's health shape plus the reachability of each dependency, the stored configs that today's validation
     * would refuse (they still run; see {@link StoredConfigCheck}), each customer's open alerts
     * ({@code GET /api/alerts?customerId=&open=true} lists them), and what the running runs do in Temporal
     * ({@link LiveRuns}): worker slots in use ({@code activitiesRunning}, across all workers), activities silent
     * for longer than their heartbeat timeout, activities no worker took for a minute, the oldest running run's
     * age, and {@code running} rows without a live workflow. {@code problems} says in words what is wrong.
     * {@code unhealthy} when PostgreSQL or Temporal does not answer or no worker takes work.
     */
    public record Report(String status, long scheduledJobs, long runningJobs, Map<String, Instant> lastSyncTimes,
                         Dependency database, Dependency temporal, List<InvalidConfig> invalidConfigs,
                         Map<String, Long> openAlerts, int activitiesRunning, Long oldestRunningRunSeconds,
                         List<LiveRuns.ActivityView> stuckActivities,
                         List<LiveRuns.ActivityView> activitiesWaitingForWorker,
                         List<LiveRuns.RunWithoutWorkflow> runsWithoutWorkflow, List<String> problems) {
        /** The report with only the customers {@code visible} accepts (a customer key sees itself alone). */
        public Report visibleTo(Predicate<String> visible) {
            Map<String, Instant> shown = new TreeMap<>(lastSyncTimes);
            shown.keySet().removeIf(visible.negate());
            Map<String, Long> alerts = new TreeMap<>(openAlerts);
            alerts.keySet().removeIf(visible.negate());
            return new Report(status, scheduledJobs, runningJobs, shown, database, temporal,
                    invalidConfigs.stream().filter(c -> visible.test(c.customerId())).toList(), alerts,
                    activitiesRunning, oldestRunningRunSeconds,
                    stuckActivities.stream().filter(a -> visible.test(a.customerId())).toList(),
                    activitiesWaitingForWorker.stream().filter(a -> visible.test(a.customerId())).toList(),
                    runsWithoutWorkflow.stream().filter(r -> visible.test(r.customerId())).toList(), problems);
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
        LiveRuns.Snapshot live = LiveRuns.Snapshot.UNKNOWN;
        List<String> problems = new ArrayList<>();
        if (db.reachable() && tmp.reachable()) {
            try {
                live = liveRuns.look();
            } catch (RuntimeException e) {
                problems.add("could not ask Temporal about the running runs: " + e.getMessage());
            }
        }
        if (!live.stuck().isEmpty()) {
            problems.add(live.stuck().size() + " activit" + (live.stuck().size() == 1 ? "y has" : "ies have")
                    + " made no progress for longer than " + LiveRuns.STUCK_AFTER.toSeconds() + " s (stuckActivities)");
        }
        if (!live.waitingForWorker().isEmpty()) {
            problems.add(live.waitingForWorker().size() + " activit" + (live.waitingForWorker().size() == 1 ? "y has"
                    : "ies have") + " waited more than " + LiveRuns.WAITING_TOO_LONG.toSeconds() + " s for a worker:"
                    + " every worker slot is taken, or no worker is polling");
        }
        if (!live.withoutWorkflow().isEmpty()) {
            problems.add(live.withoutWorkflow().size() + " run" + (live.withoutWorkflow().size() == 1 ? " is" : "s are")
                    + " recorded as running without a live workflow in Temporal (runsWithoutWorkflow)");
        }
        boolean workersTakeWork = live.waitingForWorker().isEmpty();
        String status = db.reachable() && tmp.reachable() && workersTakeWork ? "healthy" : "unhealthy";
        return new Report(status, scheduled, running, last, db, tmp, storedConfigs.invalid(), alerts,
                live.activitiesRunning(), live.oldestRunningRunSeconds(), live.stuck(), live.waitingForWorker(), live.withoutWorkflow(),
                problems);
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
