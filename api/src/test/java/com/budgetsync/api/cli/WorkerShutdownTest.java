package com.budgetsync.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.Json;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.SyncWorker;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process gets SIGTERM in the middle of an import and its grace period (0 s here) runs out: the import's
 * transaction dies with the process, so no budget of the file is there, and the run completes on another worker once
 * Temporal notices the missing heartbeats (the import's heartbeat timeout, 30 s) and retries the activity.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WorkerShutdownTest {
    private static final int ROWS = 400_000;

    @TempDir
    Path dir;
    private int healthPort;

    @Test
    void sigtermDuringAnImportLeavesNoPartialDataAndTheRunCompletesOnAnotherWorker() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (TestDatabase db = TestDatabase.create();
             EmbeddedTemporal temporal = EmbeddedTemporal.startOnFreePort();
             TemporalConnection connection = new TemporalConnection(temporal.address(), "default", new MetricRegistry())) {
            DataSourceConfig config = new ConfigDao(db.jdbi()).uploadConfigOf("shutdown");
            StoredFile file;
            try (InputStream in = Files.newInputStream(BenchData.write(dir, "big.csv", ROWS, 0))) {
                file = new FileStore(db.jdbi()).store("shutdown", config.id(), "big.csv", in, 1L << 30,
                        FileStore.Origin.NONE);
            }
            Process first = workerProcess(db, temporal, key);
            SyncHistoryDao history = new SyncHistoryDao(db.jdbi());
            String syncId = new SyncRunner(connection.client(), history)
                    .start(config, TriggeredBy.API, file, false).syncId();

            await(Duration.ofMinutes(2), () -> importHoldsItsLock(db), "the import started");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + healthPort + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "the busy worker answers its health check: " + health.body());
            JsonNode checks = Json.read(health.body(), JsonNode.class);
            assertTrue(checks.path("database").path("healthy").asBoolean(), health.body());
            assertTrue(checks.path("temporal").path("healthy").asBoolean(), health.body());
            first.destroy();
            assertTrue(first.waitFor(1, TimeUnit.MINUTES), "the worker exits after SIGTERM");

            assertEquals(0, budgets(db), "nothing of the cut-off import is visible");
            assertEquals(SyncStatus.RUNNING, history.find(syncId).orElseThrow().status());

            SyncWorker second = new SyncWorker(connection.client(), db.jdbi(), WorkerSettings.DEFAULT,
                    new SourceSecrets(new SecretCipher(key)));
            second.start();
            try {
                await(Duration.ofMinutes(2), () -> history.find(syncId).orElseThrow().status().isTerminal(),
                        "the run completed on the second worker");
            } finally {
                second.stop();
            }
            SyncRecord done = history.find(syncId).orElseThrow();
            assertEquals(SyncStatus.SUCCESS, done.status(), done.message());
            assertEquals(ROWS, done.stats().created());
            assertEquals(ROWS, budgets(db));
        }
    }

    /** {@code worker config.yml} in a JVM of its own, as production runs it; output goes to a file for diagnosis. */
    private Process workerProcess(TestDatabase db, EmbeddedTemporal temporal, byte[] key) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            healthPort = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.budgetsync.api.BudgetSyncApplication", "worker",
                Path.of("config.yml").toAbsolutePath().toString());
        builder.environment().put("DATABASE_URL", db.seedUrl());
        builder.environment().put("TEMPORAL_ADDRESS", temporal.address());
        builder.environment().put("WORKER_SHUTDOWN_GRACE_SECONDS", "0");
        builder.environment().put("WORKER_HEALTH_PORT", Integer.toString(healthPort));
        builder.environment().put(SecretCipher.ENV_KEY, Base64.getEncoder().encodeToString(key));
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile());
        return builder.start();
    }

    /** The import takes the customer's advisory lock first and keeps it until its transaction ends. */
    private static boolean importHoldsItsLock(TestDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                         WHERE l.locktype = 'advisory' AND d.datname = current_database()""")
                .mapTo(Long.class).one()) > 0;
    }

    private static long budgets(TestDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM budget WHERE customer_id = 'shutdown'")
                .mapTo(Long.class).one());
    }

    private static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
