package com.budgetsync.api.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two runs of one config never import at once, whoever starts them: with a run still downloading from a slow source,
 * a trigger answers 409 naming it, and the cron tick that comes meanwhile is recorded as skipped. The whole stack
 * as {@code dev} runs it, with a real per-minute schedule (so this test waits for the next minute).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SkipIfRunningTest {
    @Test
    void aTriggerAndACronTickWhileARunIsGoingAreRefusedAndSkipped() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slowSource = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowSource.createContext("/budget.csv", exchange -> {
            requested.countDown();
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = SeedExample.CSV.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slowSource.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slowSource.start();
        try (RunningApp app = RunningApp.start()) {
            String url = "http://127.0.0.1:" + slowSource.getAddress().getPort() + "/budget.csv";
            JsonNode config = app.postJson("/api/sync/config", Map.of("customerId", "busy", "name", "sheet",
                    "sourceType", "https", "frequency", "* * * * *",
                    // slower than the default 20 s of silence a source is allowed
                    "sourceConfig", Map.of("url", url, "readTimeoutSeconds", 300))).json();
            long configId = config.path("id").asLong();
            Instant nextTick = Instant.parse(config.path("nextSyncAt").asText());

            RunningApp.Response first = app.postJson("/api/sync/trigger",
                    Map.of("customerId", "busy", "configId", configId));
            assertEquals(202, first.status(), first.body());
            String running = first.json().path("syncId").asText();
            assertTrue(requested.await(1, TimeUnit.MINUTES), "the run reached the source");

            RunningApp.Response second = app.postJson("/api/sync/trigger",
                    Map.of("customerId", "busy", "configId", configId));
            assertEquals(409, second.status(), second.body());
            assertEquals(running, second.json().path("details").path("runningSyncId").asText());

            JsonNode tick = awaitCronRun(app, configId, nextTick);
            assertEquals("skipped", tick.path("status").asText());
            assertEquals("skipped: sync " + running + " of this config was still running",
                    tick.path("message").asText());

            release.countDown();
            JsonNode done = app.awaitRun(running);
            assertEquals("success", done.path("status").asText(), done.toString());
            assertEquals(4, done.path("stats").path("created").asLong(), done.toString());
        } finally {
            release.countDown();
            slowSource.stop(0);
        }
    }

    /** The first cron-triggered run in the config's history, waiting past the tick the API announced. */
    private static JsonNode awaitCronRun(RunningApp app, long configId, Instant tick) throws Exception {
        Instant deadline = tick.plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : app.get("/api/sync/history?customerId=busy&configId=" + configId).json()
                    .path("items")) {
                if (run.path("triggeredBy").asText().equals("cron")) {
                    return run;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no cron run by " + deadline);
    }
}
