package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Source configs over the real API: secrets encrypted at rest, masked in answers, kept on update; the test call. */
class SourceConfigApiTest {
    private static final String PASSWORD = "Api-Secret-Passw0rd";
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    private static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    private static Map<String, Object> sftp(Object password) {
        Map<String, Object> source = new HashMap<>(Map.of("host", "127.0.0.1", "port", closedPort,
                "username", "fpa", "remotePath", "/exports", "hostKeyFingerprint", "SHA256:abc"));
        source.put("password", password);
        return source;
    }

    private static Map<String, Object> request(String type, Map<String, Object> source) {
        return Map.of("customerId", "api-sources", "sourceType", type, "frequency", "daily", "sourceConfig", source);
    }

    private static String rawSourceConfig(long id) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT source_config::text FROM budget_data_source_config WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private static RunningApp.Response put(long id, Object body) throws Exception {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + id)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(com.budgetsync.db.Json.write(body))));
    }

    @Test
    void passwordIsEncryptedInTheDatabaseMaskedInAnswersAndKeptWhenSentBackMasked() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", request("sftp", sftp(PASSWORD)));
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(PASSWORD));
        assertEquals("********", created.json().path("sourceConfig").path("password").asText());
        long id = created.json().path("id").asLong();
        String raw = rawSourceConfig(id);
        assertFalse(raw.contains(PASSWORD));
        assertTrue(raw.contains("enc:v1:"), raw);
        assertFalse(app.get("/api/sync/config/" + id).body().contains(PASSWORD));

        Map<String, Object> edited = sftp("********");
        edited.put("remotePath", "/exports/daily");
        assertEquals(200, put(id, request("sftp", edited)).status());
        Map<String, Object> stored = new ConfigDao(app.db.jdbi()).find(id).orElseThrow().sourceConfig();
        Map<String, Object> clear = new SourceSecrets(SecretCipher.fromKeyOrKeyFile(null, app.encryptionKeyFile))
                .decrypt(stored);
        assertEquals(PASSWORD, clear.get("password"));
        assertEquals("/exports/daily", clear.get("remotePath"));

        Map<String, Object> moved = sftp("********");
        moved.put("host", "203.0.113.9");
        RunningApp.Response refused = put(id, request("sftp", moved));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("sourceConfig.host changed: send password again"), refused.body());
    }

    @Test
    void aPartialSourceConfigChangesOnlyWhatItSends() throws Exception {
        long id = app.postJson("/api/sync/config", request("sftp", sftp(PASSWORD))).json().path("id").asLong();
        // onboarding step 4 as documented: only the fingerprint the connection test showed
        RunningApp.Response pinned = put(id, request("sftp", Map.of("hostKeyFingerprint", "SHA256:confirmed")));
        assertEquals(200, pinned.status(), pinned.body());
        Map<String, Object> clear = new SourceSecrets(SecretCipher.fromKeyOrKeyFile(null, app.encryptionKeyFile))
                .decrypt(new ConfigDao(app.db.jdbi()).find(id).orElseThrow().sourceConfig());
        assertEquals("SHA256:confirmed", clear.get("hostKeyFingerprint"));
        assertEquals("127.0.0.1", clear.get("host"));
        assertEquals("fpa", clear.get("username"));
        assertEquals("/exports", clear.get("remotePath"));
        assertEquals(PASSWORD, clear.get("password"), "the stored secret is kept");

        Map<String, Object> removal = new HashMap<>();
        removal.put("hostKeyFingerprint", null);
        assertEquals(200, put(id, request("sftp", removal)).status());
        assertFalse(new ConfigDao(app.db.jdbi()).find(id).orElseThrow().sourceConfig()
                .containsKey("hostKeyFingerprint"), "a key sent as null is removed");
    }

    @Test
    void connectionTestReportsWhatItSaw(@TempDir Path folder) throws Exception {
        long sftpId = app.postJson("/api/sync/config", request("sftp", sftp(PASSWORD))).json().path("id").asLong();
        JsonNode unreachable = app.postJson("/api/sync/config/" + sftpId + "/test", "").json();
        assertFalse(unreachable.path("reachable").asBoolean());
        assertEquals("cannot reach 127.0.0.1:" + closedPort + ": connection refused",
                unreachable.path("error").asText());

        Path file = Files.writeString(folder.resolve("budget.csv"), "Department,Amount\nSales,1\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        long localId = app.postJson("/api/sync/config", request("local", Map.of("directory", folder.toString())))
                .json().path("id").asLong();
        JsonNode report = app.postJson("/api/sync/config/" + localId + "/test", "").json();
        assertTrue(report.path("reachable").asBoolean() && report.path("authenticated").asBoolean(), report.toString());
        assertEquals("budget.csv", report.path("files").get(0).path("name").asText());
        assertEquals("budget.csv", report.path("nextFile").asText());
    }
}
