package com.budgetsync.api.cli;

import com.budgetsync.api.schedule.ScheduleReconciler;
import com.budgetsync.api.schedule.TemporalCronScheduler;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Figure (8): a fleet's runs all due in the same minute. Each of {@code runs} customers has one config on a cron that
 * fires at the same minute, a local folder with a small file; a second worker process (the {@code worker} command of
 * this jar) shares the task queue with the bench's own worker. Prints how long the queue took to drain beside the
 * floor (a run alone on a quiet queue × the runs each slot must take in turn), and the runs lost and doubled, from
 * {@code sync_history}.
 */
final class DrainBench {
    private static final int ROWS_PER_FILE = 50;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);

    private DrainBench() {
    }

    static void run(CommandRuntime runtime, int runs, int slotsPerWorker, Path dir, String databaseUrl,
                    String temporalAddress) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("drop"));
        Path file = BenchData.write(folder, "budgets.csv", ROWS_PER_FILE, 0);
        // an export finished long ago: sources leave a file alone while it may still be being written (settle time)
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        double soloMs = soloRunMillis(runtime, file);
        try (WorkerProcess second = new WorkerProcess(databaseUrl, temporalAddress, slotsPerWorker,
                dir.resolve("worker.log"))) {
            Instant due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(50).truncatedTo(ChronoUnit.MINUTES)
                    .plusMinutes(1).toInstant();
            // one customer per config, so runs never wait on each other's customer lock: the queue is measured
            ZonedDateTime at = due.atZone(ZoneOffset.UTC);
            FleetConfigs.insert(runtime, "bench-drain-", runs, runs,
                    List.of(at.getMinute() + " " + at.getHour() + " * * *"), folder);
            ScheduleReconciler.Pass pass = new ScheduleReconciler(new ConfigDao(runtime.jdbi),
                    new TemporalCronScheduler(runtime.temporal.client(), false, true, Clock.systemUTC()),
                    Duration.ofMinutes(5), 8).reconcile();
            if (pass.applied() < runs || pass.failed() > 0) {
                throw new IllegalStateException("schedules not applied: " + pass);
            }
            System.out.printf(Locale.ROOT, "(8) %,d runs due at %s UTC, 2 worker processes × %d slots …%n", runs,
                    due.toString().substring(11, 16), slotsPerWorker);
            Drained drained = awaitDrain(runtime, runs, due);
            int perSlot = (int) Math.ceil(runs / (2.0 * slotsPerWorker));
            System.out.printf(Locale.ROOT, "    drained in %.1f s after the due minute, %.1f runs/s (median run %.0f ms "
                            + "under this load); runs lost %d, doubled %d, not successful %d %s%n",
                    drained.seconds(), runs / drained.seconds(), drained.medianMs(), drained.lost(),
                    drained.doubled(), drained.unsuccessful(),
                    drained.lost() == 0 && drained.doubled() == 0 && drained.unsuccessful() == 0 ? "MET" : "MISSED");
            System.out.printf(Locale.ROOT, "    floor: %d runs per slot × a run alone on a quiet queue (%.0f ms) = %.1f s,"
                    + " as if 10 slots shared no CPU%n", perSlot, soloMs, perSlot * soloMs / 1000);
        } finally {
            Files.delete(folder.resolve("budgets.csv"));
            Files.delete(folder);
        }
    }

    /** One run of the same file through the same workflow with nothing else running, started as an upload is. */
    private static double soloRunMillis(CommandRuntime runtime, Path file) throws Exception {
        ConfigDao configs = new ConfigDao(runtime.jdbi);
        FileSync.run(runtime, configs.uploadConfigOf("bench-solo-warm-up"), file, false);
        long start = System.nanoTime();
        SyncRecord solo = FileSync.run(runtime, configs.uploadConfigOf("bench-solo"), file, false);
        if (solo.status() != SyncStatus.SUCCESS) {
            throw new IllegalStateException("the solo run ended " + solo.status().dbValue() + ": " + solo.message());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private record Drained(double seconds, double medianMs, long lost, long doubled, long unsuccessful) {
    }

    private static Drained awaitDrain(CommandRuntime runtime, int runs, Instant due) throws InterruptedException {
        Instant limit = due.plus(DRAIN_LIMIT);
        while (Instant.now().isBefore(limit)) {
            long finished = runtime.jdbi.withHandle(h -> h.createQuery("""
                            SELECT count(*) FROM sync_history
                             WHERE customer_id LIKE 'bench-drain-%' AND triggered_by = 'cron' AND end_time IS NOT NULL""")
                    .mapTo(Long.class).one());
            if (finished >= runs) {
                break;
            }
            Thread.sleep(500);
        }
        return runtime.jdbi.withHandle(h -> h.createQuery("""
                        WITH per_config AS (
                            SELECT c.id, count(s.id) AS n
                              FROM budget_data_source_config c
                              LEFT JOIN sync_history s ON s.config_id = c.id AND s.triggered_by = 'cron'
                             WHERE c.customer_id LIKE 'bench-drain-%' GROUP BY c.id)
                        SELECT extract(epoch FROM (SELECT max(end_time) FROM sync_history
                                                    WHERE customer_id LIKE 'bench-drain-%') - :due) AS seconds,
                               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) FROM sync_history
                                 WHERE customer_id LIKE 'bench-drain-%') AS median_ms,
                               (SELECT count(*) FROM per_config WHERE n = 0) AS lost,
                               (SELECT coalesce(sum(n - 1), 0) FROM per_config WHERE n > 1) AS doubled,
                               (SELECT count(*) FROM sync_history WHERE customer_id LIKE 'bench-drain-%'
                                   AND status <> 'success') AS unsuccessful""")
                .bind("due", due.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Drained(rs.getDouble("seconds"), rs.getDouble("median_ms"),
                        rs.getLong("lost"), rs.getLong("doubled"), rs.getLong("unsuccessful")))
                .one());
    }
}
