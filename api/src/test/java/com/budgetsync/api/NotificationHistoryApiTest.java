package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run's notifications as its history detail shows them, after a real upload, run and webhook delivery. */
class NotificationHistoryApiTest {
    private static final String SECRET_PATH = "/services/T1/B2/s3cr3tHookToken";

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.stop(0);
    }

    @Test
    void theHistoryDetailListsWhoWasNotifiedWithWebhooksMasked() throws Exception {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + SECRET_PATH;
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "notify",
                "name", "Main budget", "sourceType", "upload",
                "options", Map.of("notifyWebhooks", List.of(hook), "notifyOnSuccess", true)));
        assertEquals(201, created.status(), created.body());
        long configId = created.json().path("id").asLong();

        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=notify&configId=" + configId
                + "&filename=budget.csv", SeedExample.CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        String syncId = accepted.json().path("syncId").asText();
        assertEquals("success", app.awaitRun(syncId).path("status").asText());

        JsonNode notifications = awaitNotifications(syncId);
        assertEquals(1, notifications.size(), notifications.toString());
        JsonNode webhook = notifications.get(0);
        assertEquals("webhook", webhook.path("channel").asText());
        assertEquals("delivered", webhook.path("status").asText());
        assertEquals(1, webhook.path("attempts").asInt());
        assertTrue(webhook.path("target").asText().startsWith("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/… ("), webhook.toString());
        assertFalse(notifications.toString().contains("s3cr3tHookToken"), notifications.toString());
        assertTrue(webhook.has("updatedAt"), webhook.toString());
        assertTrue(received.get(0).contains(syncId), received.toString());

        JsonNode list = app.get("/api/sync/history?customerId=notify").json();
        assertFalse(list.path("items").get(0).has("notifications"), "only the detail lists notifications");
    }

    /** The run is recorded before its notify step: wait for that step to finish too. */
    private static JsonNode awaitNotifications(String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode run = app.get("/api/sync/history/" + syncId).json();
        while (run.path("notifications").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            run = app.get("/api/sync/history/" + syncId).json();
        }
        return run.path("notifications");
    }
}
