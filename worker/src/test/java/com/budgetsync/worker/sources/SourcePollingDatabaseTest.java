package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.ImportedFileDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.RunIdentity;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.testing.SourceSyncEnvironment;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets at rest and the poll's memory of imported files, against a real PostgreSQL database and a real SFTP server:
 * the path a scheduled sync takes (config from the database, decrypt, poll, store, record, poll again).
 */
@Timeout(120)
class SourcePollingDatabaseTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    static final SourceSyncEnvironment sourceConfigs = SourceSyncEnvironment.withoutTemporal(db);
    @TempDir
    Path root;
    Path exports;
    TestSftpServer server;

    @BeforeEach
    void startServer() throws Exception {
        exports = Files.createDirectories(root.resolve("exports"));
        server = new TestSftpServer(root);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private Map<String, Object> clearConfig() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", server.port());
        config.put("username", TestSftpServer.USER);
        config.put("privateKey", TestSftpServer.openSshPrivateKey(server.userKey, "pass-phrase-42"));
        config.put("passphrase", "pass-phrase-42");
        config.put("password", TestSftpServer.PASSWORD);
        config.put("remotePath", "/exports");
        config.put("hostKeyFingerprint", server.fingerprint());
        config.put("settleCheckSeconds", 0);
        return config;
    }

    private DataSourceConfig store(Map<String, Object> clear) {
        long id = sourceConfigs.store("cust-" + UUID.randomUUID(), SourceType.SFTP, clear);
        return new ConfigDao(db.jdbi()).find(id).orElseThrow();
    }

    private String rawSourceConfig(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT source_config::text FROM budget_data_source_config WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    @Test
    void secretsAreEncryptedInTheDatabaseMaskedForTheApiAndKeptOnAMaskedUpdate() throws Exception {
        Map<String, Object> clear = clearConfig();
        DataSourceConfig saved = store(clear);
        String raw = rawSourceConfig(saved.id());
        for (String secret : List.of(TestSftpServer.PASSWORD, "pass-phrase-42", "OPENSSH PRIVATE KEY")) {
            assertFalse(raw.contains(secret), "clear-text secret in source_config");
        }
        assertTrue(raw.contains("\"enc:v1:"));
        assertTrue(raw.contains("\"username\": \"fpa\""), raw);

        Map<String, Object> shown = SourceSecrets.mask(saved.sourceConfig());
        assertEquals("********", shown.get("password"));
        assertEquals("********", shown.get("privateKey"));

        // the API sends the masked answer back with one change: the secrets stay as they were
        shown.put("remotePath", "/exports/daily");
        ConfigDao configs = new ConfigDao(db.jdbi());
        DataSourceConfig updated = configs.update(new DataSourceConfig(saved.id(), saved.customerId(), saved.name(),
                saved.sourceType(), true, "daily", "UTC",
                sourceConfigs.secrets().encrypt(SourceSecrets.mergeForUpdate(saved.sourceConfig(), shown)),
                saved.options(), null, null, null, null, null));
        Map<String, Object> decrypted = sourceConfigs.secrets().decrypt(
                configs.find(updated.id()).orElseThrow().sourceConfig());
        assertEquals(TestSftpServer.PASSWORD, decrypted.get("password"));
        assertEquals(clear.get("privateKey"), decrypted.get("privateKey"));
        assertEquals("/exports/daily", decrypted.get("remotePath"));
        assertFalse(rawSourceConfig(saved.id()).contains(TestSftpServer.PASSWORD));
    }

    @Test
    void anImportedFileIsNotTakenAgainNorIsTheSameContentUnderANewName() throws Exception {
        Path first = Files.writeString(exports.resolve("budget-0301.csv"), "dept,amount\nSales,100\n");
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        DataSourceConfig config = store(clearConfig());

        RemoteFile taken = poll(config).file();
        assertEquals("budget-0301.csv", taken.name());
        importFile(config, taken);
        assertEquals(PollResult.none("no new file"), poll(config));

        Path copy = Files.writeString(exports.resolve("budget-0302.csv"), "dept,amount\nSales,100\n");
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        assertEquals("no new file: budget-0302.csv has the same content as budget-0301.csv, imported before",
                poll(config).reason());

        Files.writeString(copy, "dept,amount\nSales,150\n");
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertEquals("budget-0302.csv", poll(config).file().name());
    }

    /** What a poll activity does: read the stored config, decrypt inside, poll against what was imported. */
    private PollResult poll(DataSourceConfig stored) throws Exception {
        DataSourceConfig config = new ConfigDao(db.jdbi()).find(stored.id()).orElseThrow();
        Map<String, Object> clear = sourceConfigs.secrets().decrypt(config.sourceConfig());
        try (SftpSource source = new SftpSource(clear)) {
            return new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(clear),
                    new ImportedFileDao(db.jdbi()).list(config.id()));
        }
    }

    /** What download + a successful import record: the stored file with its origin, and a finished run. */
    private void importFile(DataSourceConfig config, RemoteFile file) throws Exception {
        Map<String, Object> clear = sourceConfigs.secrets().decrypt(config.sourceConfig());
        StoredFile stored;
        try (SftpSource source = new SftpSource(clear); InputStream in = source.open(file)) {
            stored = new FileStore(db.jdbi()).store(config.customerId(), config.id(), file.name(), in,
                    PollSettings.of(clear).maxFileBytes(),
                    new FileStore.Origin(file.path(), file.lastModified(), file.etag()));
        }
        String syncId = UUID.randomUUID().toString();
        SyncHistoryDao history = new SyncHistoryDao(db.jdbi());
        history.claim(new RunIdentity(syncId, config.customerId(), config.id(), "wf", "run", TriggeredBy.CRON));
        history.attachFile(syncId, stored.id(), file.name());
        history.finish(syncId, SyncStatus.SUCCESS, "imported", List.of());
    }
}
