package com.budgetsync.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer's webhook secret through the API as docs/notifications.md describes it: shown once when the config is
 * created, never in any later answer, rotatable; a real receiver on 127.0.0.1 verifies each run's POST with it.
 */
class WebhookSigningApiTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void theSecretShownAtCreationSignsEachRunsWebhookAndARotationReplacesIt() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "signed",
                "name", "Main budget", "sourceType", "upload",
                "options", Map.of("notifyWebhooks", List.of(receiver.url("/hooks/budget")), "notifyOnSuccess", true)));
        assertEquals(201, created.status(), created.body());
        long configId = created.json().path("config").path("id").asLong();
        String secret = created.json().path("webhookSecret").asText();
        assertTrue(secret.matches("whsec_[A-Za-z0-9_-]{43}"), secret);
        receiver.requireSignature(secret);

        assertEquals("delivered", notificationOf(upload(configId)).path("status").asText(),
                "the receiver verified the signature: " + receiver.requests());
        assertNeverShownAgain(configId, secret);

        RunningApp.Response rotated = app.postJson("/api/sync/config/" + configId + "/webhook-secret", "");
        assertEquals(200, rotated.status(), rotated.body());
        String next = rotated.json().path("webhookSecret").asText();
        assertNotEquals(secret, next);
        assertEquals("X-BudgetSync-Signature", rotated.json().path("signatureHeader").asText());
        JsonNode refused = notificationOf(upload(configId));
        assertEquals("failed", refused.path("status").asText(), "a receiver with the old secret refuses");
        assertTrue(refused.path("lastError").asText().contains("HTTP 401"), refused.toString());

        receiver.requireSignature(next);
        assertEquals("delivered", notificationOf(upload(configId)).path("status").asText());
        assertNeverShownAgain(configId, next);
        JsonNode audit = app.get("/api/sync/config/" + configId + "/audit").json().path("entries");
        assertEquals("rotate-webhook-secret", audit.get(audit.size() - 1).path("action").asText());
        assertEquals("changed", audit.get(audit.size() - 1).path("changes").path("webhookSecret").asText());
    }

    @Test
    void aConfigWithoutASecretGetsOneOnItsNextSaveOnly() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "signed-old",
                "sourceType", "upload"));
        long configId = created.json().path("config").path("id").asLong();
        // as a config saved before signing existed
        app.db.jdbi().useHandle(h -> h.execute(
                "UPDATE budget_data_source_config SET webhook_secret = NULL WHERE id = ?", configId));

        RunningApp.Response first = put(configId, "renamed once");
        assertTrue(first.json().path("webhookSecret").asText().startsWith("whsec_"), first.body());
        RunningApp.Response second = put(configId, "renamed twice");
        assertFalse(second.json().has("webhookSecret"), second.body());
    }

    private static RunningApp.Response put(long configId, String name) throws Exception {
        RunningApp.Response answer = app.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.url("/api/sync/config/" + configId)))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"customerId\":\"signed-old\","
                        + "\"sourceType\":\"upload\",\"name\":\"" + name + "\"}")));
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }

    private static void assertNeverShownAgain(long configId, String secret) throws Exception {
        for (String path : List.of("/api/sync/config/" + configId, "/api/sync/config?customerId=signed",
                "/api/sync/config/" + configId + "/audit")) {
            String body = app.get(path).body();
            assertFalse(body.contains(secret), path + " shows the secret: " + body);
        }
    }

    private static String upload(long configId) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=signed&configId=" + configId
                + "&filename=budget.csv", SeedExample.CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        String syncId = accepted.json().path("syncId").asText();
        app.awaitRun(syncId);
        return syncId;
    }

    /** The run is recorded before its notify step: wait for the webhook's final status. */
    private static JsonNode notificationOf(String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode notifications = app.get("/api/sync/history/" + syncId).json().path("notifications");
            if (notifications.size() == 1 && !notifications.get(0).path("status").asText().equals("pending")) {
                return notifications.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no final webhook status for " + syncId);
    }
}
