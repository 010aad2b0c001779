package com.budgetsync.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specification's example requests, sent as its {@code curl} section writes them (JSON text, a bearer token
 * added), and every field its answers show. Clients and onboarding scripts are written against these shapes.
 */
class SpecificationContractTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void configIsCreatedUpdatedAndListedInTheSpecificationsShape() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", """
                {
                  "customerId": "customer-123",
                  "sourceType": "sftp",
                  "enabled": true,
                  "frequency": "daily",
                  "sourceConfig": {
                    "host": "sftp.customer.example.com",
                    "port": 22,
                    "username": "budget_export",
                    "password": "s3cret-from-the-spec",
                    "remotePath": "/exports/budgets"
                  }
                }""");
        assertEquals(201, created.status(), created.body());
        JsonNode body = created.json();
        assertTrue(body.path("success").asBoolean(), created.body());
        assertEquals("Configuration created", body.path("message").asText());
        JsonNode config = body.path("config");
        long id = config.path("id").asLong();
        assertTrue(id > 0, created.body());
        assertEquals("customer-123", config.path("customerId").asText());
        assertEquals("sftp", config.path("sourceType").asText());
        assertTrue(config.path("enabled").asBoolean());
        assertEquals("daily", config.path("frequency").asText());
        assertTrue(config.path("createdAt").isTextual(), created.body());
        assertEquals("********", config.path("sourceConfig").path("password").asText());
        assertEquals(id, body.path("id").asLong(), "today's clients read the config at the top level");
        assertEquals("daily", body.path("frequency").asText());

        RunningApp.Response updated = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + id)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": "customer-123", "sourceType": "sftp", "frequency": "hourly"}""")));
        assertEquals(200, updated.status(), updated.body());
        assertTrue(updated.json().path("success").asBoolean());
        assertEquals("Configuration updated", updated.json().path("message").asText());
        assertEquals("hourly", updated.json().path("config").path("frequency").asText());
        assertEquals(id, updated.json().path("config").path("id").asLong());
        assertEquals("sftp.customer.example.com",
                updated.json().path("config").path("sourceConfig").path("host").asText(), "stored fields kept");

        RunningApp.Response listed = app.get("/api/sync/config?customerId=customer-123");
        assertEquals(200, listed.status(), listed.body());
        assertEquals("customer-123", listed.json().path("customerId").asText());
        assertEquals(1, listed.json().path("total").asLong());
        JsonNode first = listed.json().path("configs").get(0);
        assertEquals(id, first.path("id").asLong());
        assertEquals("sftp", first.path("sourceType").asText());
        assertTrue(first.path("enabled").asBoolean());
        assertEquals("hourly", first.path("frequency").asText());
        for (String field : new String[] {"lastSyncAt", "lastSyncStatus"}) {
            assertTrue(first.has(field), field + " is shown (null before the first run): " + first);
        }
        assertTrue(first.path("nextSyncAt").isTextual(), "an hourly schedule has a next run: " + first);
    }

    @Test
    void triggerAndHistoryAnswerInTheSpecificationsShape(@TempDir Path exports) throws Exception {
        Path export = Files.writeString(exports.resolve("budget.csv"), SeedExample.CSV, StandardCharsets.UTF_8);
        // a file still being written is left for the next run: this one was dropped a minute ago
        Files.setLastModifiedTime(export, FileTime.from(Instant.now().minusSeconds(60)));
        RunningApp.Response config = app.postJson("/api/sync/config", """
                {"customerId": "customer-456", "sourceType": "local", "frequency": "manual",
                 "sourceConfig": {"directory": "%s"}}""".formatted(exports.toString().replace("\\", "\\\\")));
        assertEquals(201, config.status(), config.body());

        RunningApp.Response triggered = app.postJson("/api/sync/trigger", """
                {"customerId": "customer-456"}""");
        assertEquals(202, triggered.status(), triggered.body());
        JsonNode trigger = triggered.json();
        assertTrue(trigger.path("success").asBoolean(), triggered.body());
        assertEquals("Sync triggered successfully", trigger.path("message").asText());
        assertEquals("customer-456", trigger.path("customerId").asText());
        String syncId = trigger.path("syncId").asText();
        assertEquals("success", app.awaitRun(syncId).path("status").asText());

        RunningApp.Response listed = app.get("/api/sync/history?customerId=customer-456");
        assertEquals(200, listed.status(), listed.body());
        JsonNode history = listed.json();
        assertEquals("customer-456", history.path("customerId").asText());
        assertEquals(1, history.path("total").asLong());
        assertEquals(50, history.path("limit").asInt());
        assertEquals(0, history.path("offset").asInt());
        JsonNode run = history.path("history").get(0);
        assertTrue(run.path("id").asLong() > 0, run.toString());
        assertEquals(syncId, run.path("syncId").asText());
        assertEquals("success", run.path("status").asText());
        assertTrue(run.path("startTime").isTextual() && run.path("endTime").isTextual(), run.toString());
        assertTrue(run.path("durationMs").isIntegralNumber(), run.toString());
        assertEquals("local", run.path("sourceType").asText());
        assertEquals("api", run.path("triggeredBy").asText());
        JsonNode stats = run.path("stats");
        assertEquals(4, stats.path("totalRows").asLong(), "the seed's four budget lines");
        assertEquals(4, stats.path("created").asLong());
        for (String count : new String[] {"updated", "unchanged", "softDeleted", "errors"}) {
            assertEquals(0, stats.path(count).asLong(-1), count + " in " + stats);
        }
        assertEquals(run, history.path("items").get(0), "items: the deprecated alias of history");
    }
}
