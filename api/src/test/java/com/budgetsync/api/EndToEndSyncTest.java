package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP, real gRPC and real PostgreSQL, as {@code dev} runs: the seed's file is uploaded, imported, re-synced
 * unchanged, then synced without one row, which soft-deletes that budget and leaves procurement's figures alone.
 */
class EndToEndSyncTest {
    private static final String SEED = SeedExample.CSV;

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void uploadResyncAndSoftDeleteKeepUtilization() throws Exception {
        JsonNode first = upload(SEED);
        assertEquals("success", first.path("status").asText(), first.toString());
        assertEquals(4, first.path("stats").path("created").asLong());
        assertEquals("api", first.path("triggeredBy").asText());
        assertTrue(first.path("workflowId").asText().startsWith("budget-sync-e2e-"), first.toString());
        assertEquals("Department", first.path("mapping").path("department").path("column").asText());

        JsonNode second = upload(SEED);
        assertEquals("success", second.path("status").asText());
        assertEquals(4, second.path("stats").path("unchanged").asLong());
        assertEquals(0, second.path("stats").path("created").asLong());

        long salesId = budgetId("Sales");
        app.db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO budget_utilization (budget_id, committed, reserved) VALUES (?, 1234.5000, 99.0000)",
                salesId));

        JsonNode third = upload(SEED.replace("Sales,Travel,Q1 2025,75000,USD\n", ""));
        assertEquals("success", third.path("status").asText());
        assertEquals(1, third.path("stats").path("softDeleted").asLong());
        assertEquals(3, third.path("stats").path("unchanged").asLong(), third.toString());

        var utilization = app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT committed, reserved FROM budget_utilization WHERE budget_id = ?")
                .bind(0, salesId).map((rs, ctx) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .one());
        assertEquals(new BigDecimal("1234.5000"), utilization[0]);
        assertEquals(new BigDecimal("99.0000"), utilization[1]);
        boolean deleted = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT deleted_at IS NOT NULL FROM budget WHERE id = ?").bind(0, salesId).mapTo(Boolean.class).one());
        assertTrue(deleted, "the budget is soft-deleted, not removed");

        JsonNode budgets = app.get("/api/budgets?customerId=e2e").json();
        assertEquals(3, budgets.path("total").asLong(), budgets.toString());
        JsonNode history = app.get("/api/sync/history?customerId=e2e").json();
        assertEquals(3, history.path("total").asLong());
        assertEquals(third.path("syncId").asText(), history.path("items").get(0).path("syncId").asText(),
                "newest first");
    }

    @Test
    void aRunNeedingReviewIsRetriedWithItsOwnFileOnceTheColumnIsPinned() throws Exception {
        JsonNode held = upload("retry", "Department,Period,Budget,Forecast\nEngineering,FY2025,500000,480000\n"
                + "Sales,FY2025,75000,81000\n");
        assertEquals("needs_review", held.path("status").asText(), held.toString());
        JsonNode question = held.path("reviewQuestions").get(0);
        assertEquals("amount", question.path("field").asText(), held.toString());
        assertEquals(List.of("Budget", "Forecast"), question.path("candidates").findValuesAsText("column"));
        long configId = held.path("configId").asLong();
        RunningApp.Response pinned = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + configId)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"retry\",\"sourceType\":\"upload\","
                        + "\"options\":{\"pins\":{\"Budget\":\"amount\"}}}")));
        assertEquals(200, pinned.status(), pinned.body());

        RunningApp.Response retried = app.postJson("/api/sync/history/" + held.path("syncId").asText() + "/retry",
                Map.of());

        assertEquals(202, retried.status(), retried.body());
        JsonNode rerun = app.awaitRun(retried.json().path("syncId").asText());
        assertEquals("success", rerun.path("status").asText(), rerun.toString());
        assertEquals("manual", rerun.path("triggeredBy").asText());
        assertEquals(2, rerun.path("stats").path("created").asLong());
        assertEquals("budget.csv", rerun.path("filename").asText(), "the very file the held run read");
        assertEquals("needs_review", app.get("/api/sync/history/" + held.path("syncId").asText()).json()
                .path("status").asText(), "the held run keeps its record");
        RunningApp.Response again = app.postJson("/api/sync/history/" + rerun.path("syncId").asText() + "/retry",
                Map.of());
        assertEquals(409, again.status(), "a successful run is not retried: " + again.body());

        JsonNode next = upload("retry", "Department,Period,Budget,Forecast\nEngineering,FY2025,510000,490000\n"
                + "Sales,FY2025,75000,81000\n");
        assertEquals("success", next.path("status").asText(), "the pin is remembered for the next file: " + next);
        assertTrue(next.path("reviewQuestions").isEmpty(), next.toString());
    }

    @Test
    void badRequestsAnswerJsonErrors() throws Exception {
        RunningApp.Response noCustomer = app.postBytes("/api/sync/upload?filename=a.csv",
                SEED.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, noCustomer.status());
        assertTrue(noCustomer.json().has("error"), noCustomer.body());

        RunningApp.Response unknownRun = app.get("/api/sync/history/does-not-exist");
        assertEquals(404, unknownRun.status());
        assertEquals("sync does-not-exist not found", unknownRun.json().path("error").asText());

        RunningApp.Response badType = app.postJson("/api/sync/config",
                "{\"customerId\":\"e2e\",\"sourceType\":\"ftp\"}");
        assertEquals(400, badType.status());
        assertTrue(badType.json().path("error").asText().contains("sourceType \"ftp\" must be one of upload, local, sftp, s3, https"),
                badType.body());
    }

    private static JsonNode upload(String csv) throws Exception {
        return upload("e2e", csv);
    }

    private static JsonNode upload(String customer, String csv) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=" + customer + "&filename=budget.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        return app.awaitRun(accepted.json().path("syncId").asText());
    }

    private static long budgetId(String department) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM budget WHERE customer_id = 'e2e' AND department = ?")
                .bind(0, department).mapTo(Long.class).one());
    }
}
