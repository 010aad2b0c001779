package com.budgetsync.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics/prometheus} on the admin port as Prometheus scrapes it: after real runs (a success, a failure) and
 * older runs in the history (a slow one, more failures), the figures per customer and config are exact, the text is
 * what {@code promtool check metrics} accepts, retention's passes are summed, and the Temporal SDK's metrics carry
 * their tags as labels.
 */
class PrometheusEndpointTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void runFiguresPerConfigAndTheSdkMetricsInPrometheusText() throws Exception {
        JsonNode success = upload(SeedExample.CSV);
        assertEquals("success", success.path("status").asText());
        assertEquals("failed", upload("Department,Notes\nSales,no amounts here\n").path("status").asText());
        String config = success.path("configId").asText();
        // two more failures and a slow partial run, earlier than the runs above
        insertRun(config, "failed", 400_000, 0, 0, "2 hours");
        insertRun(config, "failed", 20_000, 0, 0, "3 hours");
        insertRun(config, "partial", 400_000, 100, 10, "4 hours");
        // two retention passes as the daily workflow records them
        app.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO retention_pass (pass_time, finished_at, files_purged, bytes_purged, history_deleted,
                                            chunk_bytes_after)
                VALUES (now() - interval '1 day', now() - interval '1 day', 3, 3000, 7, 65536),
                       (now(), now(), 2, 2000, 1, 8192)"""));

        // the SDK's counters reach Dropwizard's registry on tally's next report, within a second
        // (a failed upload fails its workflow, red in the Web UI)
        Pattern completed = Pattern.compile("(?s)^(?=.*\ntemporal_workflow_completed_total\\{[^}]*"
                + "workflow_type=\"BudgetSyncWorkflow\"} 1.0\n)(?=.*\ntemporal_workflow_failed_total\\{[^}]*"
                + "workflow_type=\"BudgetSyncWorkflow\"} 1.0\n)");
        String text = scrape();
        for (Instant deadline = Instant.now().plusSeconds(10);
             !completed.matcher(text).find() && Instant.now().isBefore(deadline); text = scrape()) {
            Thread.sleep(200);
        }
        String labels = "config=\"" + config + "\",customer=\"prom\"";

        assertEquals(1, value(text, "budget_sync_runs_total{" + labels + ",status=\"success\"}"), text);
        assertEquals(3, value(text, "budget_sync_runs_total{" + labels + ",status=\"failed\"}"), text);
        assertEquals(1, value(text, "budget_sync_runs_total{" + labels + ",status=\"partial\"}"), text);
        assertEquals(5, value(text, "budget_sync_run_duration_seconds_count{" + labels + "}"), text);
        assertEquals(3, value(text, "budget_sync_run_duration_seconds_bucket{" + labels + ",le=\"300.0\"}"),
                "the two 400 s runs are over five minutes: " + text);
        assertEquals(5, value(text, "budget_sync_run_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}"), text);
        assertEquals(10, value(text, "budget_sync_row_errors_total{" + labels + "}"), text);
        assertEquals(100 + 4, value(text, "budget_sync_rows_total{" + labels + "}"),
                "the partial run's 100 rows and the seed's 4 (the file without amounts failed before its rows): "
                        + text);
        // the older failures ended with the seed's success; the failed upload after it starts a new streak
        assertEquals(1, value(text, "budget_sync_failure_streak{" + labels + "}"), text);
        double sinceSuccess = value(text, "budget_sync_seconds_since_last_success{" + labels + "}");
        assertTrue(sinceSuccess >= 0 && sinceSuccess < 120, "the seed's run just ended: " + sinceSuccess);

        assertEquals(2, value(text, "budget_sync_retention_passes_total"), text);
        assertEquals(5, value(text, "budget_sync_retention_files_purged_total"), text);
        assertEquals(5000, value(text, "budget_sync_retention_purged_bytes_total"), text);
        assertEquals(8, value(text, "budget_sync_retention_history_deleted_total"), text);
        assertEquals(8192, value(text, "budget_sync_stored_file_chunk_bytes"), "after the last pass: " + text);
        assertTrue(value(text, "budget_sync_retention_last_pass_timestamp_seconds") > 0, text);

        assertTrue(completed.matcher(text).find(), "the SDK's counters, with their tags as labels: " + text);
        assertTrue(text.contains("temporal_request_latency_seconds_count{"), text);
        promtoolAccepts(text);
    }

    private static String scrape() throws Exception {
        RunningApp.Response scrape = app.getAdmin(PrometheusEndpoint.PATH);
        assertEquals(200, scrape.status(), scrape.body());
        return scrape.body();
    }

    private static JsonNode upload(String csv) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=prom&filename=budget.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        return app.awaitRun(accepted.json().path("syncId").asText());
    }

    private static void insertRun(String configId, String status, long durationMs, long rows, long errors,
                                  String ago) {
        app.db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, start_time,
                                                  end_time, duration_ms, total_rows, error_count)
                        VALUES (gen_random_uuid()::text, 'prom', :config, 'cron', :status,
                                now() - CAST(:ago AS interval), now() - CAST(:ago AS interval), :duration, :rows,
                                :errors)""")
                .bind("config", Long.parseLong(configId)).bind("status", status).bind("ago", ago)
                .bind("duration", durationMs).bind("rows", rows).bind("errors", errors).execute());
    }

    /** The one sample named exactly so (name and labels as the exposition writes them). */
    private static double value(String text, String sample) {
        List<Double> found = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(text);
        while (line.find()) {
            found.add(Double.parseDouble(line.group(1)));
        }
        assertEquals(1, found.size(), sample + " in\n" + text);
        return found.get(0);
    }

    /** Prometheus' own parser and linter, where Debian's prometheus package is installed (CI installs it). */
    private static void promtoolAccepts(String text) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/promtool"))) {
            System.err.println("promtool not installed (Debian package prometheus): metrics text not linted");
            return;
        }
        Process check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        // 1 is a text Prometheus cannot parse; 3 lists lint problems, one a line starting with the metric's name.
        // The SDK's own names are Temporal's to choose (temporal_workflow_active_thread_count is a gauge)
        assertTrue(check.exitValue() == 0 || check.exitValue() == 3, "promtool check metrics: " + out);
        for (String problem : out.strip().lines().toList()) {
            assertTrue(problem.startsWith("temporal_"), "promtool check metrics: " + out);
        }
    }
}
