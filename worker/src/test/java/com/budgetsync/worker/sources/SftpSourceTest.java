package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ImportedFile;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SftpSourceTest {
    @TempDir
    Path root;
    Path exports;
    TestSftpServer server;

    @BeforeEach
    void start() throws Exception {
        exports = Files.createDirectories(root.resolve("exports"));
        server = new TestSftpServer(root);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Map<String, Object> passwordConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", server.port());
        config.put("username", TestSftpServer.USER);
        config.put("password", TestSftpServer.PASSWORD);
        config.put("remotePath", "/exports");
        config.put("hostKeyFingerprint", server.fingerprint());
        config.put("settleCheckSeconds", 0);
        return config;
    }

    private Path drop(String name, String content, Duration age) throws Exception {
        Path file = Files.writeString(exports.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static PollResult poll(Map<String, Object> config, List<ImportedFile> imported) throws Exception {
        try (SftpSource source = new SftpSource(config)) {
            return new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), imported);
        }
    }

    private static String read(FileSource source, RemoteFile file) throws Exception {
        try (InputStream in = source.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SourceException failure(Map<String, Object> config) {
        return assertThrows(SourceException.class, () -> {
            try (SftpSource source = new SftpSource(config)) {
                source.list();
            }
        });
    }

    @Test
    void passwordLoginPicksTheNewestSettledFileAndStreamsIt() throws Exception {
        drop("budget-0301.csv", "old", Duration.ofDays(1));
        drop("budget-0302.csv", "dept,amount\nSales,100\n", Duration.ofMinutes(10));
        drop("notes.txt", "ignored", Duration.ofMinutes(1));
        Map<String, Object> config = passwordConfig();
        try (SftpSource source = new SftpSource(config)) {
            PollResult result = new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), List.of());
            assertEquals("budget-0302.csv", result.file().name());
            assertEquals("/exports/budget-0302.csv", result.file().path());
            assertEquals(22, result.file().size());
            assertEquals("dept,amount\nSales,100\n", read(source, result.file()));
            assertEquals(server.fingerprint(), source.hostKeyFingerprintSeen());
        }
    }

    @Test
    void encryptedOpenSshKeyLogsIn() throws Exception {
        drop("budget.xlsx", "xlsx-bytes", Duration.ofMinutes(5));
        Map<String, Object> config = passwordConfig();
        config.remove("password");
        config.put("privateKey", TestSftpServer.openSshPrivateKey(server.userKey, "key-pass-phrase"));
        config.put("passphrase", "key-pass-phrase");
        assertEquals("budget.xlsx", poll(config, List.of()).file().name());
        assertEquals(0, server.passwordAttempts.get());
    }

    @Test
    void wrongPasswordOrUnknownKeyIsAnAuthenticationFailure() throws Exception {
        Map<String, Object> config = passwordConfig();
        config.put("password", "wrong");
        SourceException wrongPassword = failure(config);
        assertEquals("authentication failed for fpa@127.0.0.1:" + server.port(), wrongPassword.getMessage());
        assertFalse(wrongPassword.retryable());

        config.remove("password");
        config.put("privateKey", TestSftpServer.openSshPrivateKey(TestSftpServer.generate(), null));
        assertEquals("authentication failed for fpa@127.0.0.1:" + server.port(), failure(config).getMessage());
    }

    @Test
    void wrongPassphraseSaysTheKeyCouldNotBeRead() throws Exception {
        Map<String, Object> config = passwordConfig();
        config.remove("password");
        config.put("privateKey", TestSftpServer.openSshPrivateKey(server.userKey, "right"));
        config.put("passphrase", "wrong");
        SourceException e = failure(config);
        assertTrue(e.getMessage().startsWith("authentication failed for fpa@127.0.0.1:" + server.port()
                + ": privateKey could not be read"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void hostKeyMismatchIsASecurityErrorAndNoPasswordIsSent() throws Exception {
        Map<String, Object> config = passwordConfig();
        config.put("hostKeyFingerprint", "SHA256:" + "A".repeat(43));
        SourceException e = failure(config);
        assertEquals("host key mismatch for 127.0.0.1:" + server.port() + ": the server presented "
                + server.fingerprint() + ", not the pinned hostKeyFingerprint; refusing to connect (possible"
                + " man-in-the-middle). Update the pin only if the server's key was deliberately changed",
                e.getMessage());
        assertFalse(e.retryable());
        assertEquals(0, server.passwordAttempts.get());
    }

    @Test
    void withoutAPinTheFingerprintSeenIsReportedForPinning() throws Exception {
        Map<String, Object> config = passwordConfig();
        config.remove("hostKeyFingerprint");
        SourceException e = failure(config);
        assertTrue(e.getMessage().contains("the server presented " + server.fingerprint()), e.getMessage());
        assertFalse(e.retryable());
        assertEquals(0, server.passwordAttempts.get());
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = passwordConfig();
        config.put("port", closedPort);
        SourceException e = failure(config);
        assertEquals("cannot reach 127.0.0.1:" + closedPort + ": connection refused", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void unknownHostIsRetryable() {
        Map<String, Object> config = passwordConfig();
        config.put("host", "no-such-host.invalid");
        SourceException e = failure(config);
        assertTrue(e.getMessage().startsWith("cannot reach no-such-host.invalid:" + server.port()), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void silentServerTimesOutRetryably() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, Object> config = passwordConfig();
            config.put("port", silent.getLocalPort());
            config.put("readTimeoutSeconds", 1);
            SourceException e = failure(config);
            assertTrue(e.getMessage().startsWith("cannot reach 127.0.0.1:" + silent.getLocalPort()), e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void missingDirectoryNamesThePath() {
        Map<String, Object> config = passwordConfig();
        config.put("remotePath", "/no/such/folder");
        SourceException e = failure(config);
        assertEquals("directory not found: /no/such/folder on 127.0.0.1:" + server.port(), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void emptyDirectoryIsASuccessfulPollWithNoNewFile() throws Exception {
        assertEquals(PollResult.none("no new file"), poll(passwordConfig(), List.of()));
    }

    @Test
    void alreadyImportedContentUnderANewNameIsNotTakenAgain() throws Exception {
        drop("budget-0302.csv", "same figures", Duration.ofMinutes(10));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("same figures".getBytes(StandardCharsets.UTF_8)));
        ImportedFile yesterday = new ImportedFile("budget-0301.csv", "/exports/budget-0301.csv", 12,
                Instant.now().minus(Duration.ofDays(1)), null, sha);
        assertEquals(PollResult.none("no new file: budget-0302.csv has the same content as budget-0301.csv,"
                + " imported before"), poll(passwordConfig(), List.of(yesterday)));
    }

    @Test
    void aFileStillBeingWrittenWaitsForSettleTimeOrItsMarker() throws Exception {
        Path growing = drop("budget.csv", "dept,amount\n", Duration.ofSeconds(5));
        assertTrue(poll(passwordConfig(), List.of()).reason().contains("budget.csv is still being written"));

        Map<String, Object> markers = passwordConfig();
        markers.put("requireMarker", true);
        assertEquals("no new file: budget.csv is waiting for its marker budget.csv.done or budget.csv.ok",
                poll(markers, List.of()).reason());
        Files.writeString(exports.resolve("budget.csv.done"), "");
        assertEquals(growing.getFileName().toString(), poll(markers, List.of()).file().name());
    }

    @Test
    void sizeChangingBetweenTwoLooksIsNotTaken() throws Exception {
        Path file = drop("budget.csv", "dept,amount\n", Duration.ofMinutes(5));
        Map<String, Object> config = passwordConfig();
        config.put("settleCheckSeconds", 1);
        config.put("settleSeconds", 0); // appending also refreshes the time: test the size rule on its own
        try (SftpSource source = new SftpSource(config)) {
            FileSource appending = new FileSource() {
                @Override
                public List<RemoteFile> list() throws java.io.IOException {
                    List<RemoteFile> files = source.list();
                    Files.writeString(file, "Sales,1\n", java.nio.file.StandardOpenOption.APPEND);
                    return files;
                }

                @Override
                public InputStream open(RemoteFile f) throws java.io.IOException {
                    return source.open(f);
                }
            };
            PollResult result = new SourcePoller(Clock.systemUTC()).poll(appending, PollSettings.of(config),
                    List.of());
            assertEquals("no new file: budget.csv is still being written (its size changed between two looks)",
                    result.reason());
        }
    }

    @Test
    void archiveMovesTheImportedFileAndItsMarker() throws Exception {
        drop("budget.csv", "v1", Duration.ofMinutes(5));
        Files.writeString(exports.resolve("budget.csv.ok"), "");
        Files.createDirectories(exports.resolve("archive"));
        Files.writeString(exports.resolve("archive/budget.csv"), "archived last month");
        Map<String, Object> config = passwordConfig();
        config.put("afterImport", "archive");
        config.put("requireMarker", true);
        try (SftpSource source = new SftpSource(config)) {
            RemoteFile file = new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), List.of())
                    .file();
            source.afterImport(file);
        }
        assertFalse(Files.exists(exports.resolve("budget.csv")));
        assertFalse(Files.exists(exports.resolve("budget.csv.ok")));
        assertTrue(Files.exists(exports.resolve("archive/budget.csv.ok")));
        assertEquals("archived last month", Files.readString(exports.resolve("archive/budget.csv")));
        try (var archived = Files.list(exports.resolve("archive"))) {
            assertTrue(archived.anyMatch(p -> p.getFileName().toString().startsWith("budget.csv.1")
                    && readQuietly(p).equals("v1")));
        }
    }

    @Test
    void deleteRemovesTheImportedFile() throws Exception {
        drop("budget.csv", "v1", Duration.ofMinutes(5));
        Map<String, Object> config = passwordConfig();
        config.put("afterImport", "delete");
        try (SftpSource source = new SftpSource(config)) {
            source.afterImport(source.list().get(0));
        }
        assertFalse(Files.exists(exports.resolve("budget.csv")));
    }

    @Test
    void aFileGoneBetweenListAndReadIsRetryable() throws Exception {
        Path file = drop("budget.csv", "v1", Duration.ofMinutes(5));
        try (SftpSource source = new SftpSource(passwordConfig())) {
            RemoteFile listed = source.list().get(0);
            Files.delete(file);
            SourceException e = assertThrows(SourceException.class, () -> source.open(listed));
            assertEquals("file disappeared before it could be read: /exports/budget.csv", e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void noSecretReachesTheLogsEvenAtTraceLevel() throws Exception {
        drop("budget.csv", "v1", Duration.ofMinutes(5));
        String passphrase = "very-secret-passphrase";
        String key = TestSftpServer.openSshPrivateKey(server.userKey, passphrase);
        try (CapturedLogs logs = new CapturedLogs()) {
            poll(passwordConfig(), List.of());
            Map<String, Object> wrong = passwordConfig();
            wrong.put("password", "Wr0ng-Secret-Pw");
            failure(wrong);
            Map<String, Object> keyConfig = passwordConfig();
            keyConfig.remove("password");
            keyConfig.put("privateKey", key);
            keyConfig.put("passphrase", passphrase);
            poll(keyConfig, List.of());
            assertTrue(logs.size() > 0, "sshj and MINA log at debug level: the capture must see them");
            String text = logs.text();
            for (String secret : List.of(TestSftpServer.PASSWORD, "Wr0ng-Secret-Pw", passphrase,
                    key.lines().skip(2).findFirst().orElseThrow())) {
                assertFalse(text.contains(secret), "a secret was logged");
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
