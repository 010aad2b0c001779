package com.budgetsync.api.testing;

import com.budgetsync.api.BudgetSyncApplication;
import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.db.Json;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The whole stack as {@code dev} runs it, for end-to-end tests: a fresh PostgreSQL database, the embedded Temporal
 * server on a real gRPC port, and the application with its in-process worker, over real HTTP.
 */
public final class RunningApp implements AutoCloseable {
    public final TestDatabase db;
    public final EmbeddedTemporal temporal;
    /** The development key file this app encrypts source secrets with. */
    public final Path encryptionKeyFile;
    private final DropwizardTestSupport<BudgetSyncConfiguration> app;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningApp(boolean worker) throws Exception {
        db = TestDatabase.create();
        temporal = EmbeddedTemporal.startOnFreePort();
        BudgetSyncConfiguration config = new BudgetSyncConfiguration();
        config.setDatabaseUrl(db.url().jdbcUrl());
        config.getTemporal().setAddress(temporal.address());
        config.getWorker().setEnabled(worker);
        // a key of the test's own, never the developer's ~/.budget-sync/encryption.key
        encryptionKeyFile = Files.createTempDirectory("budget-sync-key").resolve("encryption.key");
        config.setEncryptionKeyFile(encryptionKeyFile.toString());
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(0);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(0);
        app = new DropwizardTestSupport<>(BudgetSyncApplication.class, config);
        app.before();
    }

    /** API, worker and embedded Temporal. */
    public static RunningApp start() throws Exception {
        return new RunningApp(true);
    }

    public String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public Response postJson(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    public Response postBytes(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** Polls the run's history until it leaves "running". */
    public JsonNode awaitRun(String syncId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Response response = get("/api/sync/history/" + syncId);
            if (response.status() == 200 && !response.json().path("status").asText().equals("running")) {
                return response.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sync " + syncId + " still running after 60 s");
    }

    @Override
    public void close() throws Exception {
        app.after();
        temporal.close();
        db.close();
        Files.deleteIfExists(encryptionKeyFile);
        Files.deleteIfExists(encryptionKeyFile.getParent());
    }

    /** An HTTP answer with its body parsed on demand. */
    public record Response(int status, String body) {
        public JsonNode json() {
            return Json.read(body, JsonNode.class);
        }
    }
}
