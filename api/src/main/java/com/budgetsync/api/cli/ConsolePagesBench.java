package com.budgetsync.api.cli;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figure (6): the web console's pages answer in under 300 ms with 10,000 runs and 100,000 budgets for one customer.
 * Each page is timed as the API calls it makes, over HTTP with the bearer token, beside the floor of an
 * authenticated call that reads nothing ({@code GET /api/session}). The budgets are imported through the real
 * workflow; the 10,000 runs are written straight into {@code sync_history} (10,000 workflows would time Temporal).
 */
final class ConsolePagesBench {
    static final String CUSTOMER = "bench-console";
    private static final int RUNS = 10_000;
    private static final int BUDGETS = 100_000;
    private static final int SAMPLES = 30;
    private static final double TARGET_MS = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private ConsolePagesBench(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static void run(CommandRuntime runtime, Path dir, String baseUrl, String token) throws Exception {
        DataSourceConfig config = new ConfigDao(runtime.jdbi).uploadConfigOf(CUSTOMER);
        SyncRecord imported = FileSync.run(runtime, config, BenchData.write(dir, "console-budgets.csv", BUDGETS, 0),
                false);
        if (imported.status() != SyncStatus.SUCCESS || imported.stats().created() != BUDGETS) {
            throw new IllegalStateException("console bench import ended " + imported.status().dbValue() + ": "
                    + imported.message());
        }
        seedHistory(runtime, config.id());
        // What autovacuum does after a large import: statistics and the visibility map (index-only counts).
        runtime.jdbi.useHandle(h -> h.execute("VACUUM ANALYZE budget"));
        runtime.jdbi.useHandle(h -> h.execute("VACUUM ANALYZE sync_history"));
        ConsolePagesBench bench = new ConsolePagesBench(baseUrl, token);
        bench.measure(imported.syncId());
        bench.measureDryRun(imported);
    }

    /** 10,000 finished runs over the past year, one in ten failed, with the columns a run page shows. */
    private static void seedHistory(CommandRuntime runtime, long configId) {
        runtime.jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, filename,
                                                  start_time, end_time, duration_ms, total_rows, created_count,
                                                  updated_count, unchanged_count, error_count, message)
                        SELECT 'bench-run-' || i, :customer, :config, 'cron',
                               CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'success' END, 'budgets-' || i || '.csv',
                               now() - make_interval(hours => i), now() - make_interval(hours => i) + interval '2 s',
                               2000, 100000, 0, i % 1000, 100000 - i % 1000, 0,
                               CASE WHEN i % 10 = 0 THEN 'connection refused' ELSE 'imported' END
                          FROM generate_series(1, :runs) AS i""")
                .bind("customer", CUSTOMER).bind("config", configId).bind("runs", RUNS).execute());
    }

    private void measure(String importSyncId) throws Exception {
        String c = "customerId=" + CUSTOMER;
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("Runs, first page", new String[] {"/api/sync/history?" + c + "&limit=25", "/api/sync/config?" + c});
        pages.put("Runs, failed only", new String[] {"/api/sync/history?" + c + "&status=failed&limit=25"});
        pages.put("Runs, one month", new String[] {"/api/sync/history?" + c
                + "&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&limit=25"});
        pages.put("Runs, last page", new String[] {"/api/sync/history?" + c + "&limit=25&offset=" + (RUNS - 25)});
        pages.put("Run", new String[] {"/api/sync/history/" + importSyncId});
        pages.put("Run, progress poll", new String[] {"/api/sync/history/" + importSyncId + "/progress",
            "/api/sync/history/" + importSyncId});
        pages.put("Sources", new String[] {"/api/sync/config?" + c, "/api/sync/sources?" + c});
        pages.put("Budgets, first page", new String[] {"/api/budgets?" + c + "&limit=50"});
        pages.put("Budgets, last page", new String[] {"/api/budgets?" + c + "&limit=50&offset=" + (BUDGETS - 50)});
        pages.put("Health", new String[] {"/api/sync/health"});

        double[] floor = time(new String[] {"/api/session"});
        System.out.printf(Locale.ROOT, "(6) console pages with %,d runs and %,d budgets, %d loads each "
                        + "(floor: an authenticated call reading nothing, p50 %.1f ms, max %.1f ms)%n",
                RUNS, BUDGETS, SAMPLES, floor[0], floor[1]);
        for (Map.Entry<String, String[]> page : pages.entrySet()) {
            double[] t = time(page.getValue());
            System.out.printf(Locale.ROOT, "    %-22s p50 %6.1f ms, max %6.1f ms (target < %.0f ms) %s%n",
                    page.getKey(), t[0], t[1], TARGET_MS, t[1] < TARGET_MS ? "MET" : "MISSED");
        }
        double[] export = time(new String[] {"/api/sync/history.csv?" + c});
        System.out.printf(Locale.ROOT, "    %-22s p50 %6.1f ms, max %6.1f ms (a download, not a page)%n",
                "History CSV, all " + RUNS / 1000 + "k runs", export[0], export[1]);
    }

    /**
     * The change preview of the imported file (100,000 rows against its own 100,000 budgets, all unchanged): not a
     * page but a dry run, shown beside what importing the same file took in the same run.
     */
    private void measureDryRun(SyncRecord imported) throws Exception {
        long[] ms = new long[3];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/sync/history/"
                            + imported.syncId() + "/dry-run")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("dry run answered " + r.statusCode());
            }
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "    %-22s median %,d ms of 3 (the import of the same file took %,d ms)%n",
                "Change preview, " + BUDGETS / 1000 + "k", ms[1], imported.durationMs());
    }

    /** p50 and max of loading a page (its calls one after another), after warming up. */
    private double[] time(String[] calls) throws Exception {
        for (int i = 0; i < 5; i++) {
            load(calls);
        }
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            load(calls);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[SAMPLES / 2], ms[SAMPLES - 1]};
    }

    private void load(String[] calls) throws Exception {
        for (String path : calls) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        }
    }
}
