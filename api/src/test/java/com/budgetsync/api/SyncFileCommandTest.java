package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.Json;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The main job as a user runs it: `sync-file` prints the mapping and the stats, or the same as JSON. */
class SyncFileCommandTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @TempDir
    Path dir;

    @Test
    void printsTheMappingAndTheStats() throws Exception {
        String out = run("text-customer", false);
        assertTrue(out.contains("department    ← 'Department'"), out);
        assertTrue(out.contains("amount        ← 'Budget Amount'"), out);
        assertTrue(out.contains("status success"), out);
        assertTrue(out.contains("rows 4  created 4  updated 0  unchanged 0  soft-deleted 0"), out);
    }

    @Test
    void printsJsonWithMappingAndStats() throws Exception {
        String out = run("json-customer", true);
        JsonNode json = Json.read(out.substring(out.indexOf('{')), JsonNode.class);
        assertEquals("success", json.path("status").asText());
        assertEquals(4, json.path("stats").path("created").asLong());
        assertEquals("Fiscal Period", json.path("mapping").path("fiscalPeriod").path("column").asText());
        assertTrue(json.path("mapping").path("amount").path("confidence").asDouble() >= 0.9);
    }

    private String run(String customer, boolean json) throws Exception {
        Path file = dir.resolve("seed-example.csv");
        Files.copy(Path.of("../docs/examples/seed-example.csv"), file);
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "databaseUrl: " + db.url().jdbcUrl() + "\nlogging:\n  level: WARN\n");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if (json) {
                new BudgetSyncApplication().run("sync-file", "--customer", customer, "--config", config.toString(),
                        "--json", file.toString());
            } else {
                new BudgetSyncApplication().run("sync-file", "--customer", customer, "--config", config.toString(),
                        file.toString());
            }
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
