package com.budgetsync.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/sync/health while a source stalls, on the whole application (API, worker, embedded Temporal): the
 * stalled activity is reported stuck with the bytes it got, the worker slot it holds and the run's age are counted,
 * and a run recorded as running whose workflow Temporal does not know is named, instead of "healthy" and nothing.
 */
@Timeout(150)
class HealthTellsTheTruthTest {
    static final String CSV = "Department,Sub Category,Fiscal Period,Budget Amount,Currency\n"
            + "Engineering,Software,FY2026-Q1,1000.00,USD\n";
    static final int SENT_BEFORE_STALL = 10;
    @RegisterExtension
    // run recovery would close the test's "lost" run before health is read
    static final RunningApp app = RunningApp.perClass(c -> c.getTemporal().setRecoverRunsSeconds(3_600));

    @Test
    void reportsTheStuckActivityTheSlotItHoldsAndRunsWithoutAWorkflow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/budget.csv", exchange -> {
            byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, SENT_BEFORE_STALL);
                out.flush();
                release.await(120, TimeUnit.SECONDS); // the source stalls here
                out.write(body, SENT_BEFORE_STALL, body.length - SENT_BEFORE_STALL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try {
            long configId = createConfig("stalling", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/budget.csv", "readTimeoutSeconds", 120, "settleCheckSeconds", 0));
            long otherConfig = createConfig("crashed", Map.of("url", "http://127.0.0.1:1/never.csv"));
            app.db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO sync_history (sync_id, customer_id, config_id, workflow_id, triggered_by, status,
                                              start_time)
                    VALUES ('lost-in-a-restart', 'health-truth', ?, 'budget-sync-health-truth-gone', 'manual',
                            'running', now() - interval '5 minutes')""", otherConfig));
            RunningApp.Response triggered = app.postJson("/api/sync/trigger",
                    Map.of("customerId", "health-truth", "configId", configId));
            assertEquals(202, triggered.status(), triggered.body());
            String syncId = triggered.json().path("syncId").asText();

            JsonNode health = awaitStuck(syncId);

            JsonNode stuck = health.path("stuckActivities").get(0);
            assertEquals("Poll", stuck.path("activity").asText());
            assertEquals("health-truth", stuck.path("customerId").asText());
            assertEquals(SENT_BEFORE_STALL, stuck.path("progress").path("bytes").asInt(), stuck.toString());
            assertTrue(stuck.path("silentSeconds").asLong() >= 30, stuck.toString());
            assertTrue(health.path("activitiesRunning").asInt() >= 1, health.toString());
            assertTrue(health.path("oldestRunningRunSeconds").asLong() >= 5 * 60 - 5, health.toString());
            JsonNode lost = health.path("runsWithoutWorkflow").get(0);
            assertEquals("lost-in-a-restart", lost.path("syncId").asText(), health.toString());
            assertEquals("not found", lost.path("workflow").asText());
            assertTrue(health.path("problems").toString().contains("made no progress for longer than 30 s"),
                    health.toString());
            assertTrue(health.path("problems").toString().contains("without a live workflow"), health.toString());

            release.countDown();
            assertEquals("success", app.awaitRun(syncId).path("status").asText());
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static JsonNode awaitStuck(String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode health = null;
        while (Instant.now().isBefore(deadline)) {
            health = app.get("/api/sync/health").json();
            if (health.path("stuckActivities").toString().contains(syncId)) {
                return health;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("never reported stuck: " + health);
    }

    private static long createConfig(String name, Map<String, Object> source) throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "health-truth",
                "sourceType", "https", "name", name, "frequency", "manual", "sourceConfig", source));
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asLong();
    }
}
