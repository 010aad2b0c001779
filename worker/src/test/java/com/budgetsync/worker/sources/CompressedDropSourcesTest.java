package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.testing.Archives;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.testing.Workbooks;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.SyncResult;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Compressed drops (.zip, .gz, an .xlsx inside a .zip) from each kind of source, through the real workflow and
 * activities into PostgreSQL: the SFTP server (MINA), S3Proxy, an HTTPS server, a local folder and an upload.
 */
@Timeout(240)
class CompressedDropSourcesTest {
    static final String CSV = SourceSyncWorkflowTest.CSV;
    static final byte[] CSV_BYTES = CSV.getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment syncs = SourceSyncEnvironment.skippingTime(db);

    @Test
    void sftpTakesAGzippedCsvUnderTheDefaultPattern() throws Exception {
        Path root = Files.createDirectories(dir.resolve("sftp"));
        Path exports = Files.createDirectories(root.resolve("exports"));
        settled(Files.write(exports.resolve("budget-2026-01.csv.gz"), Archives.gzip(CSV_BYTES)));
        try (TestSftpServer server = new TestSftpServer(root)) {
            Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", server.port(),
                    "username", TestSftpServer.USER, "password", TestSftpServer.PASSWORD, "remotePath", "/exports",
                    "hostKeyFingerprint", server.fingerprint(), "settleCheckSeconds", 0));
            long configId = syncs.store("gz-sftp", SourceType.SFTP, config);
            SyncResult result = syncs.sync("gz-sftp", configId, null);
            assertImported("gz-sftp", result);
            assertEquals("budget-2026-01.csv", entryRead(result));
        }
    }

    @Test
    void s3TakesAWorkbookInsideAZipBesideAReadme() throws Exception {
        try (TestS3Server server = new TestS3Server(Files.createDirectories(dir.resolve("s3")))) {
            server.admin.createBucket(b -> b.bucket("zip-exports"));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("README.txt", "Budgets FY2026, exported Monday".getBytes(StandardCharsets.UTF_8));
            entries.put("Budget FY2026.xlsx", Workbooks.xlsxOf(CSV));
            server.admin.putObject(b -> b.bucket("zip-exports").key("exports/budget.zip"),
                    RequestBody.fromBytes(Archives.zip(entries)));
            Map<String, Object> config = server.config("zip-exports", "exports");
            config.put("settleSeconds", 0);
            long configId = syncs.store("zip-s3", SourceType.S3, config);
            SyncResult result = syncs.sync("zip-s3", configId, null);
            assertImported("zip-s3", result);
            assertEquals("Budget FY2026.xlsx", entryRead(result));
        }
    }

    @Test
    void httpsTakesAZipDownloadNamedOnlyByItsContentType() throws Exception {
        byte[] zip = Archives.zip("export/budget.csv", CSV_BYTES);
        try (TestHttpsServer server = new TestHttpsServer(Files.createDirectories(dir.resolve("https")))) {
            server.handle("/export", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, zip.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(zip);
                }
            });
            long configId = syncs.store("zip-https", SourceType.HTTPS, new HashMap<>(Map.of("url",
                    server.url("/export?format=zip"), "trustedCertificate", server.certificatePem,
                    "settleCheckSeconds", 0)));
            SyncResult result = syncs.sync("zip-https", configId, null);
            assertImported("zip-https", result);
            assertEquals("export/budget.csv", entryRead(result));
        }
    }

    @Test
    void aLocalFolderZipOfSeveralBudgetsReadsTheOneThePatternNamesElseListsThem() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("local"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("actuals-2026.csv", CSV_BYTES);
        entries.put("budget-2026.csv", CSV_BYTES);
        settled(Files.write(drop.resolve("fpa-export.zip"), Archives.zip(entries)));
        long unclear = syncs.store("zip-local", SourceType.LOCAL, new HashMap<>(Map.of("directory", drop.toString(),
                "settleCheckSeconds", 0)));
        SyncResult failed = syncs.sync("zip-local", unclear, null);
        assertEquals(SyncStatus.FAILED, failed.status());
        assertTrue(failed.message().startsWith("fpa-export.zip: the archive holds 2 files (actuals-2026.csv,"
                + " budget-2026.csv)"), failed.message());

        long chosen = syncs.store("zip-local-2", SourceType.LOCAL, new HashMap<>(Map.of("directory", drop.toString(),
                "settleCheckSeconds", 0, "filePattern", "*.zip,budget-*.csv")));
        SyncResult result = syncs.sync("zip-local-2", chosen, null);
        assertImported("zip-local-2", result);
        assertEquals("budget-2026.csv", entryRead(result));
    }

    @Test
    void anUploadedZipIsReadLikeAPolledOne() throws Exception {
        StoredFile file = syncs.upload("zip-upload", "budget.zip", Archives.zip("budget.csv", CSV_BYTES),
                ConfigOptions.DEFAULTS);
        SyncResult result = syncs.sync("zip-upload", file.configId(), file.id());
        assertImported("zip-upload", result);
        assertEquals("budget.csv", entryRead(result));
    }

    private static void settled(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }



    private static String entryRead(SyncResult result) {
        return new SyncHistoryDao(db.jdbi()).find(result.syncId()).orElseThrow().layout().path("entry").asText();
    }

    private static void assertImported(String customer, SyncResult result) {
        assertEquals(SyncStatus.SUCCESS, result.status(), result.message());
        assertEquals(2, db.countActiveBudgets(customer));
    }
}
