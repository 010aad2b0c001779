package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.settings.AwsSettings;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.activities.TestConnectionActivityImpl;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.ConnectionReport;
import com.budgetsync.workflow.SyncResult;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sources that stop answering, against real misbehaving servers on 127.0.0.1 and the real worker (its heartbeat
 * interceptor, one activity slot only) on Temporal's test server in real time: each run fails within its limits
 * with a message naming the source and the silence, the connection is dropped, and the single worker slot is free
 * for the next config's run.
 */
@Timeout(240)
class StalledSourcesTest {
    static final String CSV = "Department,Category,Period,Amount,Currency\nSales,Travel,2026-01,1000.00,USD\n"
            + "Engineering,Cloud,2026-01,2500.50,USD\n";
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment syncs = SourceSyncEnvironment.realWorker(db,
            new WorkerSettings(1, WorkerSettings.DEFAULT.maxFileBytes(), 5, NotificationSettings.NONE,
                    AwsSettings.NONE));

    @Test
    void httpsBodyThatStopsAfterItsHeadersFailsTheRunAndFreesTheSlot() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(
                n -> MisbehavingServer.Behaviour.httpBodyStopsAfter(CSV, 20))) {
            long configId = syncs.store("stall-https", SourceType.HTTPS, httpConfig(server, 2, 3));

            long started = System.nanoTime();
            SyncResult failed = syncs.sync("stall-https", configId, null);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertEquals(SyncStatus.FAILED, failed.status());
            assertEquals("127.0.0.1:" + server.port() + " stopped sending: nothing for 2 s after 20 bytes"
                    + " (gave up after 1 attempt in 2 s)", failed.message());
            assertTrue(seconds < 15, seconds + " s");
            assertNotNull(server.nextDrop(5), "the stalled connection was never dropped");
            assertHealthyRunStillGetsTheSlot();
        }
    }

    @Test
    void sftpServerThatAcceptsAndNeverAnswersIsNoAnswerWithinTheTotalLimit() throws Exception {
        try (MisbehavingServer silent = new MisbehavingServer(n -> MisbehavingServer.Behaviour.SILENT)) {
            Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", silent.port(),
                    "username", "fpa", "password", "secret-password", "hostKeyFingerprint",
                    "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "settleCheckSeconds", 0,
                    "readTimeoutSeconds", 2, "noAnswerSeconds", 5));
            long configId = syncs.store("silent-sftp", SourceType.SFTP, config);

            long started = System.nanoTime();
            SyncResult failed = syncs.sync("silent-sftp", configId, null);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertEquals(SyncStatus.FAILED, failed.status());
            // attempts of 2 s each until another would end past the 5 s in all (how many depends on the queue)
            assertTrue(failed.message().matches("no answer from 127\\.0\\.0\\.1:" + silent.port() + " within 2 s"
                    + " \\(gave up after \\d attempts? in [3-9] s\\)"), failed.message());
            assertTrue(seconds < 20, seconds + " s");
            assertAllDropped(silent);
            assertHealthyRunStillGetsTheSlot();
        }
    }

    @Test
    void s3EndpointThatAcceptsAndNeverAnswersIsNoAnswer() throws Exception {
        try (MisbehavingServer silent = new MisbehavingServer(n -> MisbehavingServer.Behaviour.SILENT)) {
            Map<String, Object> config = new HashMap<>(Map.of("bucketName", "exports", "region", "us-east-1",
                    "endpoint", "http://127.0.0.1:" + silent.port(), "pathStyle", true,
                    "accessKeyId", TestS3Server.ACCESS_KEY, "secretAccessKey", TestS3Server.SECRET_KEY,
                    "settleCheckSeconds", 0, "readTimeoutSeconds", 2, "noAnswerSeconds", 3));
            long configId = syncs.store("silent-s3", SourceType.S3, config);

            long started = System.nanoTime();
            SyncResult failed = syncs.sync("silent-s3", configId, null);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertEquals(SyncStatus.FAILED, failed.status());
            assertTrue(failed.message().startsWith("no answer from 127.0.0.1:" + silent.port() + " within 2 s"),
                    failed.message());
            assertTrue(seconds < 15, seconds + " s");
            assertAllDropped(silent);
            assertHealthyRunStillGetsTheSlot();
        }
    }

    /**
     * A silence longer than the heartbeat timeout (the config allows 120 s): the download stops heartbeating,
     * Temporal times the attempt out after 30 s, the worker drops the connection and frees the thread, and the next
     * attempt, which the server answers in full, imports the file.
     */
    @Test
    void downloadStalledPastTheHeartbeatTimeoutIsCutAndTheRetryImports() throws Exception {
        // connection 1: the poll's listing (whole); 2: the download, which stalls; 3: the retried download
        try (MisbehavingServer server = new MisbehavingServer(n -> n == 2
                ? MisbehavingServer.Behaviour.httpBodyStopsAfter(CSV, 30) : MisbehavingServer.Behaviour.http(CSV))) {
            long configId = syncs.store("stall-download", SourceType.HTTPS, httpConfig(server, 120, 300));

            long started = System.nanoTime();
            SyncResult result = syncs.sync("stall-download", configId, null);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
            assertEquals(2, db.countActiveBudgets("stall-download"));
            assertEquals(3, server.connections());
            assertTrue(seconds >= 30 && seconds < 60, seconds + " s");
            Integer firstDropped = server.nextDrop(5);
            assertEquals(1, firstDropped);
            assertEquals(2, server.nextDrop(5), "the stalled download's connection was never dropped");
        }
    }

    @Test
    void connectionTestOfASilentServerReportsNoAnswerWithinItsLimit() throws Exception {
        try (MisbehavingServer silent = new MisbehavingServer(n -> MisbehavingServer.Behaviour.SILENT)) {
            Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", silent.port(),
                    "username", "fpa", "password", "secret-password", "hostKeyFingerprint",
                    "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "readTimeoutSeconds", 2));
            long configId = syncs.store("silent-test", SourceType.SFTP, config);
            ConfigDao configs = new ConfigDao(db.jdbi());

            long started = System.nanoTime();
            ConnectionReport report = new TestConnectionActivityImpl(configs, new ImportedFileDao(db.jdbi()),
                    syncs.secrets(), AwsSettings.NONE, Clock.systemUTC()).testConnection(configId);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertFalse(report.reachable());
            assertEquals("no answer from 127.0.0.1:" + silent.port() + " within 2 s", report.error());
            assertTrue(seconds < 8, seconds + " s");
            assertAllDropped(silent);
        }
    }

    /** Every connection the server accepted was let go of by the worker (an attempt may fail before it connects). */
    private static void assertAllDropped(MisbehavingServer server) throws InterruptedException {
        int accepted = server.connections();
        assertTrue(accepted >= 1, "never connected");
        for (int i = 0; i < accepted; i++) {
            assertNotNull(server.nextDrop(5), (accepted - i) + " of " + accepted + " connections never dropped");
        }
    }

    private static Map<String, Object> httpConfig(MisbehavingServer server, int readTimeout, int noAnswer) {
        return new HashMap<>(Map.of("url", "http://127.0.0.1:" + server.port() + "/budget.csv",
                "settleCheckSeconds", 0, "readTimeoutSeconds", readTimeout, "noAnswerSeconds", noAnswer));
    }

    /** With one activity slot, another config's run can only succeed if the stalled one gave its slot back. */
    private static void assertHealthyRunStillGetsTheSlot() throws Exception {
        try (MisbehavingServer healthy = new MisbehavingServer(n -> MisbehavingServer.Behaviour.http(CSV))) {
            String customer = "healthy-" + UUID.randomUUID();
            long configId = syncs.store(customer, SourceType.HTTPS, httpConfig(healthy, 5, 10));
            long started = System.nanoTime();
            SyncResult result = syncs.sync(customer, configId, null);
            assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
            assertTrue(System.nanoTime() - started < 20_000_000_000L, "the healthy run waited for a slot");
        }
    }
}
