package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A whole sync from each network source through the real workflow and activities (Temporal's test server) into
 * PostgreSQL: config stored with encrypted secrets, poll, download, parse, map, import, archive; a second run finds
 * nothing new.
 */
@Timeout(180)
class SourceSyncWorkflowTest {
    static final String CSV = "Department,Category,Period,Amount,Currency\nSales,Travel,2026-01,1000.00,USD\n"
            + "Engineering,Cloud,2026-01,2500.50,USD\n";
    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment syncs = SourceSyncEnvironment.skippingTime(db);



    private static void assertImported(String customer, SyncResult result) {
        assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
        assertEquals(2, db.countActiveBudgets(customer));
    }

    @Test
    void sftpWithKeyLoginImportsArchivesAndThenFindsNothingNew() throws Exception {
        Path root = Files.createDirectories(dir.resolve("sftp"));
        Path exports = Files.createDirectories(root.resolve("exports"));
        Path file = Files.writeString(exports.resolve("budget-2026-01.csv"), CSV);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        try (TestSftpServer server = new TestSftpServer(root)) {
            Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", server.port(),
                    "username", TestSftpServer.USER, "remotePath", "/exports",
                    "hostKeyFingerprint", server.fingerprint(), "settleCheckSeconds", 0, "afterImport", "archive"));
            config.put("privateKey", TestSftpServer.openSshPrivateKey(server.userKey, "workflow-pass"));
            config.put("passphrase", "workflow-pass");
            long configId = syncs.store("acme-sftp", SourceType.SFTP, config);

            assertImported("acme-sftp", syncs.sync("acme-sftp", configId, null));
            assertFalse(Files.exists(file));
            assertEquals(CSV, Files.readString(exports.resolve("archive/budget-2026-01.csv")));
            assertEquals(SyncStatus.NO_NEW_FILE, syncs.sync("acme-sftp", configId, null).status());
        }
    }

    @Test
    void s3ImportsTheNewestObjectOnceEvenWhenTheSameContentIsDroppedAgain() throws Exception {
        try (TestS3Server server = new TestS3Server(Files.createDirectories(dir.resolve("s3")))) {
            server.admin.createBucket(b -> b.bucket("acme-exports"));
            server.admin.putObject(b -> b.bucket("acme-exports").key("exports/budget.csv"),
                    RequestBody.fromString(CSV));
            Map<String, Object> config = server.config("acme-exports", "exports");
            config.put("settleSeconds", 0);
            long configId = syncs.store("acme-s3", SourceType.S3, config);

            assertImported("acme-s3", syncs.sync("acme-s3", configId, null));
            server.admin.putObject(b -> b.bucket("acme-exports").key("exports/budget-copy.csv"),
                    RequestBody.fromString(CSV));
            SyncResult again = syncs.sync("acme-s3", configId, null);
            assertEquals(SyncStatus.NO_NEW_FILE, again.status());
            assertTrue(again.message().contains("same content"), again.message());
        }
    }

    @Test
    void publishedSheetOverHttpsWithABearerTokenImportsOnce() throws Exception {
        try (TestHttpsServer server = new TestHttpsServer(Files.createDirectories(dir.resolve("https")))) {
            server.handle("/sheet", exchange -> {
                boolean ok = "Bearer wf-token-secret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getResponseHeaders().add("Content-Type", "text/csv");
                TestHttpsServer.respond(exchange, ok ? 200 : 401, ok ? CSV : "");
            });
            Map<String, Object> config = new HashMap<>(Map.of("url", server.url("/sheet?output=csv"),
                    "trustedCertificate", server.certificatePem, "bearerToken", "wf-token-secret",
                    "settleCheckSeconds", 0));
            long configId = syncs.store("acme-https", SourceType.HTTPS, config);

            assertImported("acme-https", syncs.sync("acme-https", configId, null));
            assertEquals(SyncStatus.NO_NEW_FILE, syncs.sync("acme-https", configId, null).status());
        }
    }
}
