package com.budgetsync.api.cli;

import com.budgetsync.api.schedule.ScheduleReconciler;
import com.budgetsync.api.schedule.TemporalCronScheduler;
import com.budgetsync.db.ConfigDao;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Figure (7): many customers on one deployment. Enabled configs (half {@code every_4_hours}, half {@code daily}, a
 * local folder each) are reconciled with Temporal the way the API does at start-up, while the API is asked for a
 * customer's configs to show it keeps answering; then a pass with nothing changed; then how the fleet's ticks are
 * spread (the busiest minute of the next day, against all of them in one minute with fixed crons).
 */
final class SchedulesBench {
    private static final int CUSTOMERS = 1_000;
    private static final double TARGET_SECONDS = 30;

    private SchedulesBench() {
    }

    static void run(CommandRuntime runtime, int count, Path dir, String baseUrl, String token) throws Exception {
        FleetConfigs.insert(runtime, "bench-sched-", CUSTOMERS, count, List.of("every_4_hours", "daily"), dir);
        ConfigDao configs = new ConfigDao(runtime.jdbi);
        ScheduleReconciler reconciler = new ScheduleReconciler(configs,
                new TemporalCronScheduler(runtime.temporal.client(), false, true, Clock.systemUTC()),
                Duration.ofMinutes(5), 8);

        long start = System.nanoTime();
        CompletableFuture<ScheduleReconciler.Pass> first = CompletableFuture.supplyAsync(reconciler::reconcile);
        Latencies api = askWhileRunning(first, baseUrl + "/api/sync/config?customerId=bench-sched-7", token);
        ScheduleReconciler.Pass pass = first.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "(7) %,d enabled configs of %,d customers, start-up reconcile: %.1f s, %,d applied, "
                        + "%d failed (target < %.0f s) %s%n", count, CUSTOMERS, seconds, pass.applied(), pass.failed(),
                TARGET_SECONDS, seconds < TARGET_SECONDS && pass.failed() == 0 ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "    the API meanwhile: %d requests for a customer's configs, p50 %.1f ms, "
                + "p99 %.1f ms%n", api.count(), api.percentileMillis(50), api.percentileMillis(99));

        long steady = System.nanoTime();
        ScheduleReconciler.Pass again = reconciler.reconcile();
        System.out.printf(Locale.ROOT, "    periodic reconcile with nothing changed: %.0f ms, %d applied%n",
                (System.nanoTime() - steady) / 1e6, again.applied());

        long busiest = runtime.jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(max(n), 0) FROM (
                            SELECT count(*) AS n FROM budget_data_source_config
                             WHERE customer_id LIKE 'bench-sched-%' AND next_sync_at IS NOT NULL
                             GROUP BY extract(hour FROM next_sync_at AT TIME ZONE 'UTC') % 4,
                                      extract(minute FROM next_sync_at AT TIME ZONE 'UTC')) AS per_minute""")
                .mapTo(Long.class).one());
        System.out.printf(Locale.ROOT, "    ticks spread per config: at most %,d configs due in one minute "
                + "(fixed crons put %,d in one minute)%n", busiest, count / 2);
    }

    /** Asks the API every 50 ms until the reconcile is done: how long it makes people wait meanwhile. */
    private static Latencies askWhileRunning(CompletableFuture<?> running, String url, String token)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build();
        Latencies latencies = new Latencies(1024);
        while (!running.isDone()) {
            long sent = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            latencies.add(System.nanoTime() - sent);
            Thread.sleep(50);
        }
        return latencies;
    }
}
