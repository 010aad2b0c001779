package com.budgetsync.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dry runs through the API: what a file would change, with the worker's real engine, and nothing written. */
class ChangePreviewApiTest {
    private static final String FULL = """
            Department,Fiscal Period,Budget Amount,Currency
            Engineering,FY2025,120000,USD
            Marketing,FY2025,45000,USD
            Sales,FY2025,80000,USD
            """;

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void aHeldRunsPreviewCountsAndSamplesItsChangesAndWritesNothing() throws Exception {
        app.uploadCsv("initrode", "full.csv", FULL);
        String held = app.uploadCsv("initrode", "engineering-only.csv",
                "Department,Fiscal Period,Budget Amount,Currency\nEngineering,FY2025,125000,USD\nLegal,FY2025,9000,USD\n");
        JsonNode heldRun = app.get("/api/sync/history/" + held).json();
        assertEquals("needs_review", heldRun.path("status").asText());
        assertEquals(List.of(0L, 0L, 0L), List.of(heldRun.path("stats").path("created").asLong(),
                heldRun.path("stats").path("updated").asLong(), heldRun.path("stats").path("softDeleted").asLong()),
                "applied: nothing");
        assertEquals(List.of(1L, 1L, 2L), List.of(heldRun.path("planned").path("created").asLong(),
                heldRun.path("planned").path("updated").asLong(), heldRun.path("planned").path("softDeleted").asLong()),
                "planned: what approval would apply");
        List<String> before = written("initrode");

        RunningApp.Response answer = app.postJson("/api/sync/history/" + held + "/dry-run", Map.of());

        assertEquals(200, answer.status(), answer.body());
        JsonNode preview = answer.json();
        assertEquals("needs_review", preview.path("outcome").asText(), "the guard would hold it again");
        assertEquals("engineering-only.csv", preview.path("filename").asText());
        JsonNode stats = preview.path("stats");
        assertEquals(List.of(2L, 1L, 1L, 0L, 2L, 0L), List.of(stats.path("totalRows").asLong(),
                stats.path("created").asLong(), stats.path("updated").asLong(), stats.path("unchanged").asLong(),
                stats.path("softDeleted").asLong(), stats.path("restored").asLong()),
                "rows, created, updated, unchanged, soft-deleted, restored");
        JsonNode updated = preview.path("samples").path("updated").get(0);
        assertEquals("Engineering", updated.path("department").asText());
        assertEquals(120000, updated.path("oldAmount").asInt());
        assertEquals(125000, updated.path("newAmount").asInt());
        assertEquals(2, updated.path("row").asInt(), "the file's line, as a spreadsheet numbers it");
        assertEquals("Legal", preview.path("samples").path("created").get(0).path("department").asText());
        JsonNode deleted = preview.path("samples").path("softDeleted");
        assertEquals(List.of("Marketing 45000", "Sales 80000"), List.of(
                deleted.get(0).path("department").asText() + " " + deleted.get(0).path("oldAmount").asInt(),
                deleted.get(1).path("department").asText() + " " + deleted.get(1).path("oldAmount").asInt()));
        assertTrue(deleted.get(0).path("newAmount").isNull(), "a soft-deleted budget has no new amount");
        assertEquals(before, written("initrode"), "no budget, audit row, run or mapping memory was written");
    }

    @Test
    void anyStoredFileOfAConfigIsPreviewedOnDemandAndAnotherConfigsFileIsNotFound() throws Exception {
        String first = app.uploadCsv("vandelay", "first.csv", FULL);
        app.uploadCsv("vandelay", "second.csv", FULL.replace("45000", "47000"));
        JsonNode firstRun = app.get("/api/sync/history/" + first).json();
        long configId = firstRun.path("configId").asLong();
        long fileId = firstRun.path("fileId").asLong();
        List<String> before = written("vandelay");

        JsonNode preview = app.postJson("/api/sync/dry-run", Map.of("configId", configId, "fileId", fileId))
                .json();

        assertEquals("success", preview.path("outcome").asText(), preview.toString());
        assertEquals(2, preview.path("stats").path("unchanged").asLong());
        assertEquals(1, preview.path("stats").path("updated").asLong(), "going back to the first file's Marketing");
        JsonNode marketing = preview.path("samples").path("updated").get(0);
        assertEquals(List.of("Marketing", "47000", "45000"), List.of(marketing.path("department").asText(),
                marketing.path("oldAmount").decimalValue().stripTrailingZeros().toPlainString(),
                marketing.path("newAmount").decimalValue().stripTrailingZeros().toPlainString()));
        assertEquals(2, preview.path("samples").path("unchanged").size());
        assertEquals(before, written("vandelay"));

        String other = app.uploadCsv("globex", "globex.csv", FULL);
        long otherFile = app.get("/api/sync/history/" + other).json().path("fileId").asLong();
        RunningApp.Response refused = app.postJson("/api/sync/dry-run",
                Map.of("configId", configId, "fileId", otherFile));
        assertEquals(404, refused.status(), refused.body());
    }

    /** Everything an import writes for a customer, as text: budgets, audit rows, runs, the configs' mapping memory. */
    private static List<String> written(String customerId) {
        return app.db.jdbi().withHandle(h -> {
            List<String> rows = new ArrayList<>();
            for (String sql : List.of(
                    "SELECT b::text FROM budget b WHERE customer_id = :c ORDER BY id",
                    "SELECT a::text FROM audit_log a WHERE customer_id = :c ORDER BY id",
                    "SELECT s::text FROM sync_history s WHERE customer_id = :c ORDER BY id",
                    "SELECT coalesce(mapping_memory::text, '') FROM budget_data_source_config WHERE customer_id = :c"
                            + " ORDER BY id")) {
                rows.addAll(h.createQuery(sql).bind("c", customerId).mapTo(String.class).list());
            }
            return rows;
        });
    }
}
