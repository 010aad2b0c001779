package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin port as ops read it while {@code dev} runs (API, worker and Temporal in one JVM): after a successful and
 * a failed run, /metrics holds the run counter by status, the run duration, the rows imported and the Temporal SDK's
 * own metrics, and /healthcheck reports Temporal and PostgreSQL healthy.
 */
class AdminMetricsTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void runsAndTemporalSdkMetricsAreOnTheAdminPort() throws Exception {
        assertEquals("success", upload(SeedExample.CSV).path("status").asText());
        assertEquals("failed", upload("Department,Notes\nSales,no amounts here\n").path("status").asText());

        // counters reach the registry on tally's next report, within a second
        JsonNode metrics = awaitMetrics(m -> find(m.path("meters"), "budget_sync_runs.", ".status.failed.").isPresent()
                && find(m.path("meters"), "budget_sync_rows_imported.", "").isPresent());
        JsonNode meters = metrics.path("meters");
        assertEquals(1, find(meters, "budget_sync_runs.", ".status.success.").orElseThrow().path("count").asLong());
        assertEquals(1, find(meters, "budget_sync_runs.", ".status.failed.").orElseThrow().path("count").asLong());
        assertEquals(4, find(meters, "budget_sync_rows_imported.", "").orElseThrow().path("count").asLong(),
                "the seed's four budget lines");
        JsonNode duration = find(metrics.path("timers"), "budget_sync_run_duration.", ".status.success.")
                .orElseThrow(() -> new AssertionError("no run duration timer in " + metrics.path("timers")));
        assertEquals(1, duration.path("count").asLong());
        assertTrue(duration.path("max").asDouble() > 0, duration.toString());

        assertTrue(find(meters, "temporal_workflow_completed.", ".workflow_type.BudgetSyncWorkflow").isPresent(),
                "the SDK's own metrics: " + names(meters));
        assertTrue(find(meters, "temporal_request.", "").isPresent(), names(meters));
    }

    @Test
    void healthCheckShowsTemporalAndDatabaseHealthy() throws Exception {
        RunningApp.Response health = app.getAdmin("/healthcheck");
        assertEquals(200, health.status(), health.body());
        assertTrue(health.json().path("temporal").path("healthy").asBoolean(), health.body());
        assertTrue(health.json().path("database").path("healthy").asBoolean(), health.body());
    }

    private static JsonNode upload(String csv) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=metrics&filename=budget.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        return app.awaitRun(accepted.json().path("syncId").asText());
    }

    private static JsonNode awaitMetrics(java.util.function.Predicate<JsonNode> ready) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode metrics;
        do {
            RunningApp.Response response = app.getAdmin("/metrics");
            assertEquals(200, response.status(), response.body());
            metrics = response.json();
            if (ready.test(metrics)) {
                return metrics;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("run metrics not on /metrics after 10 s: " + names(metrics.path("meters")));
    }

    /** The metric whose name starts with {@code prefix} and contains {@code part} (tags are part of the name). */
    private static Optional<JsonNode> find(JsonNode section, String prefix, String part) {
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (metric.getKey().startsWith(prefix) && metric.getKey().contains(part)) {
                return Optional.of(metric.getValue());
            }
        }
        return Optional.empty();
    }

    private static String names(JsonNode section) {
        StringBuilder names = new StringBuilder();
        section.fieldNames().forEachRemaining(n -> names.append(n).append('\n'));
        return names.toString();
    }
}
