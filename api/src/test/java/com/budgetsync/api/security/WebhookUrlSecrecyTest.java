package com.budgetsync.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook URL is a credential (Slack's carries its token in the path): stored encrypted, answered masked in the
 * config and its audit trail, kept when an update sends the masked form back, and still checked by the outbound guard.
 */
class WebhookUrlSecrecyTest {
    private static final String HOOK = "http://127.0.0.1:9/services/T0/B0/hookToken123";
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void webhookUrlsAreStoredEncryptedAnsweredMaskedAndKeptWhenSentBackMasked() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "hooks",
                "sourceType", "https", "frequency", "manual", "sourceConfig", Map.of("url", "http://127.0.0.1:9/b.csv"),
                "options", Map.of("notifyWebhooks", List.of(HOOK))));
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains("hookToken123"), created.body());
        long id = created.json().path("id").asLong();
        String masked = created.json().path("options").path("notifyWebhooks").get(0).asText();
        assertTrue(masked.startsWith("http://127.0.0.1:9/… ("), masked);
        String stored = storedOptions(id);
        assertTrue(stored.contains("enc:v1:") && !stored.contains("hookToken123"), stored);

        String second = "http://127.0.0.1:9/services/T0/B1/otherToken456";
        RunningApp.Response updated = put(id, List.of(masked, second));
        assertEquals(200, updated.status(), updated.body());

        JsonNode hooks = Json.MAPPER.readTree(storedOptions(id)).path("notifyWebhooks");
        assertEquals(Json.MAPPER.readTree(stored).path("notifyWebhooks").get(0), hooks.get(0),
                "the masked URL sent back keeps the stored one");
        assertTrue(hooks.get(1).asText().startsWith("enc:v1:"));
        assertEquals(masked, masked(updated.json(), 0));
        assertEquals(masked, masked(app.get("/api/sync/config/" + id).json(), 0));
        assertFalse(updated.body().contains("otherToken456"), updated.body());
        String audit = app.get("/api/sync/config/" + id + "/audit").body();
        assertFalse(audit.contains("hookToken123") || audit.contains("otherToken456") || audit.contains("enc:v1:"),
                audit);
        assertTrue(audit.contains("\"options.notifyWebhooks\":\"changed\""), audit);

        RunningApp.Response metadata = put(id, List.of("http://169.254.169.254/latest/meta-data/"));
        assertEquals(400, metadata.status(), metadata.body());
        assertTrue(metadata.json().path("error").asText().startsWith("invalid config: options.notifyWebhooks"),
                metadata.body());
    }

    private static String masked(JsonNode config, int index) {
        return config.path("options").path("notifyWebhooks").get(index).asText();
    }

    private static RunningApp.Response put(long id, List<String> hooks) throws Exception {
        String body = Json.write(Map.of("customerId", "hooks", "sourceType", "https",
                "options", Map.of("notifyWebhooks", hooks)));
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + id)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String storedOptions(long id) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT options::text FROM budget_data_source_config WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }
}
