package com.budgetsync.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Configs written to the database around the API, as configs saved before validation existed: the start-up check
 * lists those today's rules refuse in the health answer, and they keep running; options a run cannot read fail it.
 */
class StoredInvalidConfigsTest {
    private static final String CSV = "Department,Fiscal Period,Budget Amount,Currency\nEngineering,FY 2025,500000,USD\n";
    private static TestDatabase db;
    private static DataSourceConfig refusedToday;
    private static DataSourceConfig unreadable;
    private static DataSourceConfig valid;
    private static DataSourceConfig fixable;
    private static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        ConfigDao configs = new ConfigDao(db.jdbi());
        // day-of-week 7, a sheet name Excel refuses, "SUM" in capitals: refused today, yet each still reads as before
        refusedToday = configs.create("legacy", "old", SourceType.UPLOAD, true, "0 6 * * 7", "UTC", Map.of(),
                new ConfigOptions(null, null, null, "Budget/2026", null, "SUM", null, null, null, null));
        unreadable = configs.create("legacy-typos", "typos", SourceType.UPLOAD, true, "manual", "UTC", Map.of(),
                new ConfigOptions("EURO", null, null, null, null, "summ", null, null, null, null));
        valid = configs.create("legacy", "fine", SourceType.UPLOAD, true, "manual", "UTC", Map.of(),
                ConfigOptions.DEFAULTS);
        fixable = configs.create("legacy", "fixable", SourceType.UPLOAD, true, "manual", "Mars/Olympus", Map.of(),
                ConfigOptions.DEFAULTS);
        app = RunningApp.start(config -> config.setDatabaseUrl(db.url().jdbcUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        db.close();
    }

    @Test
    void healthListsStoredConfigsTodaysValidationRefusesWithTheirProblems() throws Exception {
        Map<Long, JsonNode> invalid = invalidConfigs();
        assertTrue(invalid.containsKey(refusedToday.id()) && invalid.containsKey(unreadable.id()), invalid.toString());
        assertFalse(invalid.containsKey(valid.id()), invalid.toString());
        JsonNode old = invalid.get(refusedToday.id());
        assertEquals("legacy", old.path("customerId").asText());
        List<String> problems = StreamSupport.stream(old.path("problems").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("frequency \"0 6 * * 7\" must be hourly"), problems.toString());
        assertTrue(problems.contains("options.duplicates \"SUM\" must be sum or error"), problems.toString());
    }

    @Test
    void aConfigRefusedTodayStillRuns() throws Exception {
        JsonNode run = upload(refusedToday);
        assertEquals("success", run.path("status").asText(), run.toString());
        assertEquals(1, run.path("stats").path("created").asInt(), run.toString());
    }

    @Test
    void optionsARunCannotReadFailItWithTheirMessageInsteadOfADefault() throws Exception {
        JsonNode run = upload(unreadable);
        assertEquals("failed", run.path("status").asText(), run.toString());
        String message = run.path("message").asText();
        assertTrue(message.contains("options.defaultCurrency \"EURO\" is not an ISO 4217 currency code"), message);
        assertTrue(message.contains("options.duplicates \"summ\" must be sum or error"), message);
        assertTrue(message.contains("PUT /api/sync/config/" + unreadable.id()), message);
        assertEquals(0, app.get("/api/budgets?customerId=legacy-typos").json().path("total").asInt());
    }

    @Test
    void aPutThatPassesValidationClearsTheEntry() throws Exception {
        assertTrue(invalidConfigs().containsKey(fixable.id()));
        RunningApp.Response fixed = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/"
                        + fixable.id()))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"legacy\",\"sourceType\":\"upload\","
                        + "\"frequency\":\"manual\",\"timezone\":\"Europe/Paris\"}")));
        assertEquals(200, fixed.status(), fixed.body());
        assertFalse(invalidConfigs().containsKey(fixable.id()));
    }

    private static Map<Long, JsonNode> invalidConfigs() throws Exception {
        Map<Long, JsonNode> byId = new HashMap<>();
        app.get("/api/sync/health").json().path("invalidConfigs").forEach(c -> byId.put(c.path("configId").asLong(), c));
        return byId;
    }

    private static JsonNode upload(DataSourceConfig config) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=" + config.customerId()
                + "&configId=" + config.id()
                + "&filename=budget.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        return app.awaitRun(accepted.json().path("syncId").asText());
    }
}
