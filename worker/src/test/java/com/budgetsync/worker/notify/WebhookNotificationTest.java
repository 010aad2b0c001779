package com.budgetsync.worker.notify;

import static com.budgetsync.worker.notify.NotifyFixture.config;
import static com.budgetsync.worker.notify.NotifyFixture.finishedRun;
import static com.budgetsync.worker.notify.NotifyFixture.notifying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.db.WebhookSecretDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery;
import com.budgetsync.domain.NotificationDelivery.Channel;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.SmtpSettings;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.sources.CapturedLogs;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook notifications to a real HTTP receiver on 127.0.0.1, recorded in a real database. */
class WebhookNotificationTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void aGenericWebhookGetsTheRunAsJson() throws Exception {
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(null, List.of(receiver.url("/hooks/budget")), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.PARTIAL);

        assertEquals(0, notifier().deliver(syncId, false));

        assertEquals(1, receiver.requests().size());
        WebhookReceiver.Request request = receiver.requests().get(0);
        assertEquals("/hooks/budget", request.path());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertEquals(syncId, body.get("syncId").asText());
        assertEquals(config.customerId(), body.get("customerId").asText());
        assertEquals(config.id(), body.get("configId").asLong());
        assertEquals("Main budget", body.get("configName").asText());
        assertEquals("partial", body.get("status").asText());
        assertEquals("12 rows had errors", body.get("message").asText());
        assertEquals(body.get("stats"), body.get("counts"), "counts: the deprecated alias of stats");
        JsonNode counts = body.get("stats");
        assertEquals(120, counts.get("totalRows").asLong());
        assertEquals(3, counts.get("created").asLong());
        assertEquals(5, counts.get("updated").asLong());
        assertEquals(100, counts.get("unchanged").asLong());
        assertEquals(2, counts.get("softDeleted").asLong());
        assertEquals(1, counts.get("restored").asLong());
        assertEquals(12, counts.get("errors").asLong());
        assertEquals(4, counts.get("skipped").asLong());
        assertEquals(10, body.get("errors").size(), "the first ten errors");
        JsonNode first = body.get("errors").get(0);
        assertEquals(2, first.get("row").asLong());
        assertEquals("Budget Amount", first.get("column").asText());
        assertEquals("n/a-2", first.get("value").asText());
        assertEquals("not a number", first.get("message").asText());
        assertEquals("https://budgets.acme.test/api/sync/history/" + syncId, body.get("historyUrl").asText());

        NotificationDelivery delivery = new NotificationDao(db.jdbi()).list(syncId).get(0);
        assertEquals(Channel.WEBHOOK, delivery.channel());
        assertEquals(Status.DELIVERED, delivery.status());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void aSlackCompatibleReceiverGetsSlacksFormatAndTheHookPathIsNeverLoggedNorStored() throws Exception {
        String secretPath = "/services/T0000/B0000/XyZsecretToken123";
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(null, List.of(NotifyFixture.SECRETS.encryptValue(receiver.url(secretPath) + "#slack")),
                        false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.NEEDS_REVIEW);
        assertFalse(db.jdbi().withHandle(h -> h.createQuery(
                "SELECT options::text FROM budget_data_source_config WHERE id = :id").bind("id", config.id())
                .mapTo(String.class).one()).contains("XyZsecretToken123"), "stored encrypted");

        try (CapturedLogs logs = new CapturedLogs()) {
            notifier().deliver(syncId, false);
            assertFalse(logs.text().contains("XyZsecretToken123"), logs.text());
        }

        WebhookReceiver.Request request = receiver.requests().get(0);
        assertEquals(secretPath, request.path());
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertEquals(List.of("text"), iterable(body.fieldNames()));
        String text = body.get("text").asText();
        assertTrue(text.startsWith("Budget sync needs_review for customer " + config.customerId()
                + ", config \"Main budget\""), text);
        assertTrue(text.contains("Sync id: " + syncId), text);
        NotificationDelivery delivery = new NotificationDao(db.jdbi()).list(syncId).get(0);
        assertEquals(Channel.SLACK, delivery.channel());
        assertTrue(delivery.target().startsWith("http://127.0.0.1:"), delivery.target());
        assertFalse(delivery.target().contains("secretToken"), delivery.target());
    }

    @Test
    void aReceiverAnswering500IsRetriedThenRecordedAsFailedOnTheLastAttempt() {
        receiver.answer(500);
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(null, List.of(receiver.url("/hooks/budget")), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        Notifier notifier = notifier();

        assertEquals(1, notifier.deliver(syncId, false));
        assertEquals(1, notifier.deliver(syncId, false));
        NotificationDelivery pending = new NotificationDao(db.jdbi()).list(syncId).get(0);
        assertEquals(Status.PENDING, pending.status());
        assertEquals(2, pending.attempts());

        assertEquals(0, notifier.deliver(syncId, true));
        NotificationDelivery failed = new NotificationDao(db.jdbi()).list(syncId).get(0);
        assertEquals(Status.FAILED, failed.status());
        assertEquals(3, failed.attempts());
        assertTrue(failed.lastError().contains("answered HTTP 500: receiver down"), failed.lastError());
        assertEquals(3, receiver.requests().size());
    }

    @Test
    void aRefusingReceiverIsNotRetried() {
        receiver.answer(404);
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(null, List.of(receiver.url("/hooks/revoked")), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);

        assertEquals(0, notifier().deliver(syncId, false));

        NotificationDelivery failed = new NotificationDao(db.jdbi()).list(syncId).get(0);
        assertEquals(Status.FAILED, failed.status());
        assertEquals(1, failed.attempts());
    }

    @Test
    void webhooksToTheMetadataServiceOrThePrivateNetworkAreRefusedAndRecorded() {
        OutboundGuard.install(new OutboundGuard(true, false));
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(null,
                List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook"), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);

        assertEquals(0, notifier().deliver(syncId, false), "a refused address is not retried");

        List<NotificationDelivery> deliveries = new NotificationDao(db.jdbi()).list(syncId);
        assertEquals(2, deliveries.size());
        assertEquals(Status.FAILED, deliveries.get(0).status());
        assertEquals("outbound connection to 169.254.169.254 refused: link-local address (allow with"
                + " outbound.allowPrivate)", deliveries.get(0).lastError());
        assertEquals(Status.FAILED, deliveries.get(1).status());
        assertEquals("outbound connection to 10.0.0.1 refused: private network address (allow with"
                + " outbound.allowPrivate)", deliveries.get(1).lastError());
    }

    @Test
    void emailAndWebhooksAreIndependent() {
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(List.of("fpa@acme.test"),
                List.of(receiver.url("/a"), receiver.url("/b")), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);

        assertEquals(0, notifier().deliver(syncId, false));

        assertEquals(2, receiver.requests().size(), "both webhooks on one host are told");
        List<NotificationDelivery> deliveries = new NotificationDao(db.jdbi()).list(syncId);
        assertEquals(List.of(Status.FAILED, Status.DELIVERED, Status.DELIVERED),
                deliveries.stream().map(NotificationDelivery::status).toList(), "email is off here");
    }

    @Test
    void aWebhookIsSignedWithTheConfigsSecretAndARotatedSecretTakesOver() throws Exception {
        DataSourceConfig config = config(db.jdbi(), "Main budget",
                notifying(null, List.of(receiver.url("/hooks/signed")), false));
        WebhookSecrets signing = new WebhookSecrets(NotifyFixture.SECRETS, db.jdbi());
        String first = signing.issue(config.id());
        receiver.requireSignature(first);

        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        assertEquals(0, notifier().deliver(syncId, false));
        WebhookReceiver.Request request = receiver.requests().get(0);
        assertTrue(request.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), request.signature());
        assertTrue(request.verified(), "the receiver verified " + request.signature());
        assertEquals(Status.DELIVERED, new NotificationDao(db.jdbi()).list(syncId).get(0).status());

        String second = signing.issue(config.id());
        assertNotEquals(first, second);
        String afterRotation = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        assertEquals(0, notifier().deliver(afterRotation, false));
        NotificationDelivery refused = new NotificationDao(db.jdbi()).list(afterRotation).get(0);
        assertEquals(Status.FAILED, refused.status(), "a receiver still holding the old secret refuses");
        assertTrue(refused.lastError().contains("HTTP 401"), refused.lastError());

        receiver.requireSignature(second);
        String withNewSecret = finishedRun(db.jdbi(), config, SyncStatus.FAILED);
        assertEquals(0, notifier().deliver(withNewSecret, false));
        assertEquals(Status.DELIVERED, new NotificationDao(db.jdbi()).list(withNewSecret).get(0).status());
    }

    @Test
    void theSigningSecretIsStoredEncrypted() {
        DataSourceConfig config = config(db.jdbi(), "Main budget", notifying(null, List.of(), false));
        String secret = new WebhookSecrets(NotifyFixture.SECRETS, db.jdbi()).issue(config.id());

        String stored = new WebhookSecretDao(db.jdbi()).find(config.id()).orElseThrow();
        assertTrue(stored.startsWith("enc:v1:"), "AES-GCM like source secrets");
        assertFalse(stored.contains(secret.substring("whsec_".length())));
        assertEquals(secret, new WebhookSecrets(NotifyFixture.SECRETS, db.jdbi()).open(config.id()).orElseThrow());
    }

    @Test
    void aConfigWithoutASecretSendsItsWebhooksUnsigned() throws Exception {
        DataSourceConfig config = config(db.jdbi(), "Saved before signing",
                notifying(null, List.of(receiver.url("/hooks/old")), false));
        String syncId = finishedRun(db.jdbi(), config, SyncStatus.FAILED);

        assertEquals(0, notifier().deliver(syncId, false));

        assertNull(receiver.requests().get(0).signature());
    }

    private static Notifier notifier() {
        return new Notifier(new SyncHistoryDao(db.jdbi()), new ConfigDao(db.jdbi()), new NotificationDao(db.jdbi()),
                new NotificationSettings(SmtpSettings.NONE, "https://budgets.acme.test"),
                new WebhookUrls(NotifyFixture.SECRETS), new WebhookSecrets(NotifyFixture.SECRETS, db.jdbi()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new java.util.ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
