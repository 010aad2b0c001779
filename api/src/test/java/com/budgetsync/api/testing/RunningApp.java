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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole stack as {@code dev} runs it, for end-to-end tests: a fresh PostgreSQL database, the embedded Temporal
 * server on a real gRPC port, and the application with its in-process worker, over real HTTP. Requests carry the
 * admin token unless sent {@link #as} another token. As a JUnit extension, one per test class:
 * {@code @RegisterExtension static final RunningApp app = RunningApp.perClass();}.
 */
public final class RunningApp implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public TestDatabase db;
    public EmbeddedTemporal temporal;
    /** The development key file this app encrypts source secrets with. */
    public Path encryptionKeyFile;
    private final Consumer<BudgetSyncConfiguration> settings;
    private DropwizardTestSupport<BudgetSyncConfiguration> app;
    public static final String ADMIN_TOKEN = "test-admin-token";

    /**
     * HTTP/1.1, as the API speaks: the JDK client's default HTTP/2 opens each connection with an h2c upgrade attempt
     * the server does not answer as such.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Client admin = as(ADMIN_TOKEN);

    private RunningApp(Consumer<BudgetSyncConfiguration> settings) {
        this.settings = settings;
    }

    private RunningApp open() throws Exception {
        db = TestDatabase.create();
        temporal = EmbeddedTemporal.startOnFreePort();
        BudgetSyncConfiguration config = new BudgetSyncConfiguration();
        config.setDatabaseUrl(db.url().jdbcUrl());
        config.getTemporal().setAddress(temporal.address());
        config.getTemporal().setCronTimeZones(false);
        config.getTemporal().setCompleteFailedCronRuns(true);
        // no alert check at a 5-minute boundary in the middle of a test that counts notifications (AlertsApiTest
        // turns it on)
        config.getTemporal().setAlertChecks(false);
        config.getTemporal().setRetention(false);
        config.getWorker().setEnabled(true);
        config.getAuth().setAdminToken(ADMIN_TOKEN);
        config.getOutbound().setAllowLoopback(true); // as dev: test servers (SFTP, HTTP) listen on 127.0.0.1
        // a key of the test's own, never the developer's ~/.budget-sync/encryption.key
        encryptionKeyFile = Files.createTempDirectory("budget-sync-key").resolve("encryption.key");
        config.setEncryptionKeyFile(encryptionKeyFile.toString());
        settings.accept(config);
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(0);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(0);
        app = new DropwizardTestSupport<>(BudgetSyncApplication.class, config);
        app.before();
        return this;
    }

    /** API, worker and embedded Temporal, started now; the caller closes it. */
    public static RunningApp start() throws Exception {
        return start(config -> { });
    }

    /** Started now with changed settings, for a test that must prepare its database before the API starts. */
    public static RunningApp start(Consumer<BudgetSyncConfiguration> settings) throws Exception {
        return new RunningApp(settings).open();
    }

    /** Started before the class's first test and stopped after its last. */
    public static RunningApp perClass() {
        return perClass(config -> { });
    }

    /** With settings changed from the defaults, e.g. a smaller upload limit. */
    public static RunningApp perClass(Consumer<BudgetSyncConfiguration> settings) {
        return new RunningApp(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Requests sent with this bearer token; null sends no Authorization header. */
    public Client as(String token) {
        return new Client(token);
    }

    public String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    public Response get(String path) throws IOException, InterruptedException {
        return admin.get(path);
    }

    /** GET on the admin port ({@code /metrics}, {@code /healthcheck}), which takes no token. */
    public Response getAdmin(String path) throws IOException, InterruptedException {
        return as(null).send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getAdminPort() + path)));
    }

    public Response postJson(String path, Object body) throws IOException, InterruptedException {
        return admin.postJson(path, body);
    }

    public Response postBytes(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        return admin.postBytes(path, body, contentType);
    }

    public Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return admin.send(request);
    }

    /** The API as one token holder sees it. */
    public final class Client {
        private final String token;

        private Client(String token) {
            this.token = token;
        }

        public Response get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
        }

        public Response postJson(String path, Object body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
        }

        public Response postBytes(String path, byte[] body, String contentType)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        public Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
    }

    /** Uploads CSV text to the customer's upload config as the admin and waits for its run to end: its sync id. */
    public String uploadCsv(String customerId, String filename, String csv) throws IOException, InterruptedException {
        Response started = postBytes("/api/sync/upload?customerId=" + customerId + "&filename=" + filename,
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (started.status() != 202) {
            throw new AssertionError("upload refused: " + started.body());
        }
        String syncId = started.json().path("syncId").asText();
        awaitRun(syncId);
        return syncId;
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
