package com.budgetsync.worker.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.workflow.ConnectionReport;
import java.net.ServerSocket;
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
class SourceTesterTest {
    @TempDir
    Path root;
    TestSftpServer server;

    @BeforeEach
    void start() throws Exception {
        Path exports = Files.createDirectories(root.resolve("exports"));
        Instant now = Instant.now();
        for (String[] f : new String[][] {{"budget-0301.csv", "1440"}, {"budget-0302.csv", "30"}, {"x.txt", "1"}}) {
            Path file = Files.writeString(exports.resolve(f[0]), "dept,amount\n" + f[0]);
            Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofMinutes(Long.parseLong(f[1])))));
        }
        server = new TestSftpServer(root);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", server.port(), "username",
                TestSftpServer.USER, "password", TestSftpServer.PASSWORD, "remotePath", "/exports",
                "hostKeyFingerprint", server.fingerprint()));
        return config;
    }

    private static ConnectionReport test(Map<String, Object> config) throws Exception {
        try (SftpSource source = new SftpSource(config)) {
            return new SourceTester(Clock.systemUTC()).test(source, PollSettings.of(config), List.of());
        }
    }

    @Test
    void reportsFilesNewestFirstAndTheOneTakenNext() throws Exception {
        ConnectionReport report = test(config());
        assertTrue(report.ok());
        assertTrue(report.reachable() && report.authenticated());
        assertEquals(server.fingerprint(), report.hostKeyFingerprint());
        assertEquals(List.of("budget-0302.csv", "budget-0301.csv"),
                report.files().stream().map(ConnectionReport.FileSeen::name).toList());
        assertEquals(2, report.filesMatching());
        assertEquals("budget-0302.csv", report.nextFile());
    }

    @Test
    void withoutAPinItShowsTheFingerprintToPinAndDoesNotLogIn() throws Exception {
        Map<String, Object> config = config();
        config.remove("hostKeyFingerprint");
        ConnectionReport report = test(config);
        assertTrue(report.reachable());
        assertFalse(report.authenticated());
        assertEquals(server.fingerprint(), report.hostKeyFingerprint());
        assertTrue(report.error().startsWith("host key not pinned"), report.error());
        assertEquals(0, server.passwordAttempts.get());
    }

    @Test
    void wrongPasswordIsReachableButNotAuthenticated() throws Exception {
        Map<String, Object> config = config();
        config.put("password", "wrong");
        ConnectionReport report = test(config);
        assertTrue(report.reachable());
        assertFalse(report.authenticated());
        assertEquals("authentication failed for fpa@127.0.0.1:" + server.port(), report.error());
    }

    @Test
    void missingFolderIsAuthenticatedWithTheError() throws Exception {
        Map<String, Object> config = config();
        config.put("remotePath", "/nope");
        ConnectionReport report = test(config);
        assertTrue(report.authenticated());
        assertEquals("directory not found: /nope on 127.0.0.1:" + server.port(), report.error());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = config();
        config.put("port", closedPort);
        ConnectionReport report = test(config);
        assertFalse(report.reachable());
        assertNull(report.hostKeyFingerprint());
        assertEquals("cannot reach 127.0.0.1:" + closedPort + ": connection refused", report.error());
    }
}
