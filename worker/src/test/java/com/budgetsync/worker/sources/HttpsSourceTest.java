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
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HttpsSourceTest {
    static final String TOKEN = "tok-3f9a-very-secret";
    @TempDir
    static Path dir;
    static TestHttpsServer server;
    static final AtomicReference<String> sheet = new AtomicReference<>("Department,Amount\nSales,100\n");

    @BeforeAll
    static void start() throws Exception {
        server = new TestHttpsServer(dir);
        // what Google Sheets' "Publish to web → CSV" link answers: a generated name in Content-Disposition
        server.handle("/spreadsheets/d/e/2PACX-abc/pub", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.getResponseHeaders().add("Content-Disposition",
                    "attachment; filename=\"FY26 Budget - Sheet1.csv\"; filename*=UTF-8''FY26%20Budget%20-%20Sheet1.csv");
            TestHttpsServer.respond(exchange, 200, sheet.get());
        });
        server.handle("/private/budget.csv", exchange -> {
            boolean ok = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            TestHttpsServer.respond(exchange, ok ? 200 : 401, ok ? "Department,Amount\nOps,5\n" : "");
        });
        server.handle("/basic/export", exchange -> {
            String expected = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("fpa:pw-basic-secret".getBytes(StandardCharsets.UTF_8));
            boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            TestHttpsServer.respond(exchange, ok ? 200 : 401, ok ? "a,b\n1,2\n" : "");
        });
        server.handle("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.invalid/collect");
            TestHttpsServer.respond(exchange, 302, "");
        });
        server.handle("/", exchange -> TestHttpsServer.respond(exchange, 404, "no"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> config(String path) {
        Map<String, Object> config = new HashMap<>();
        config.put("url", server.url(path));
        config.put("trustedCertificate", server.certificatePem);
        config.put("settleCheckSeconds", 0);
        return config;
    }

    private static PollResult poll(Map<String, Object> config, List<ImportedFile> imported) throws Exception {
        try (HttpsSource source = new HttpsSource(config)) {
            return new SourcePoller(Clock.systemUTC()).poll(source, PollSettings.of(config), imported);
        }
    }

    private static String read(Map<String, Object> config, RemoteFile file) throws Exception {
        try (HttpsSource source = new HttpsSource(config); InputStream in = source.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SourceException failure(Map<String, Object> config) {
        return assertThrows(SourceException.class, () -> {
            try (HttpsSource source = new HttpsSource(config)) {
                source.list();
            }
        });
    }

    @Test
    void publishedGoogleSheetIsTakenOnceUntilItsContentChanges() throws Exception {
        Map<String, Object> config = config("/spreadsheets/d/e/2PACX-abc/pub?gid=0&single=true&output=csv");
        RemoteFile first = poll(config, List.of()).file();
        assertEquals("FY26 Budget - Sheet1.csv", first.name());
        assertEquals("Department,Amount\nSales,100\n", read(config, first));
        assertTrue(first.etag().startsWith("sha256:"), "no ETag from the server: the content hash is the version");

        ImportedFile imported = new ImportedFile(first.name(), first.path(), first.size(), first.lastModified(),
                first.etag(), first.etag().substring(7));
        assertEquals(PollResult.none("no new file"), poll(config, List.of(imported)));
        sheet.set("Department,Amount\nSales,120\n");
        assertEquals("FY26 Budget - Sheet1.csv", poll(config, List.of(imported)).file().name());
    }

    @Test
    void bearerTokenIsSentAndAWrongOneIsAnAuthenticationFailure() throws Exception {
        Map<String, Object> config = config("/private/budget.csv");
        config.put("bearerToken", TOKEN);
        RemoteFile file = poll(config, List.of()).file();
        assertEquals("budget.csv", file.name());
        assertEquals("Department,Amount\nOps,5\n", read(config, file));

        config.put("bearerToken", "wrong");
        SourceException e = failure(config);
        assertEquals("authentication failed for bearer token@127.0.0.1:" + server.port(), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void basicAuthWorksAndAWrongPasswordNamesTheUser() throws Exception {
        Map<String, Object> config = config("/basic/export");
        config.put("username", "fpa");
        config.put("password", "pw-basic-secret");
        assertEquals("export.csv", poll(config, List.of()).file().name());
        config.put("password", "nope");
        assertEquals("authentication failed for fpa@127.0.0.1:" + server.port(), failure(config).getMessage());
    }

    @Test
    void missingFileIsNotRetriedAndTheQueryIsNotShown() {
        SourceException e = failure(config("/exports/missing.csv?token=abc"));
        assertEquals("not found: https://127.0.0.1:" + server.port() + "/exports/missing.csv (HTTP 404)",
                e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        Map<String, Object> config = config("/private/budget.csv");
        config.remove("trustedCertificate");
        SourceException e = failure(config);
        assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + server.port() + " failed"),
                e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = config("/x.csv");
        config.put("url", "https://127.0.0.1:" + closedPort + "/x.csv");
        SourceException e = failure(config);
        assertEquals("cannot reach 127.0.0.1:" + closedPort + ": connection refused", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void credentialsAreNeverSentOverPlainHttpNorAlongARedirect() {
        Map<String, Object> plain = config("/private/budget.csv");
        plain.put("url", "http://127.0.0.1:" + server.port() + "/private/budget.csv");
        plain.put("bearerToken", TOKEN);
        assertThrows(IllegalArgumentException.class, () -> new HttpsSource(plain));

        Map<String, Object> moved = config("/moved");
        moved.put("bearerToken", TOKEN);
        SourceException e = failure(moved);
        assertTrue(e.getMessage().contains("redirects elsewhere; credentials are never forwarded"), e.getMessage());
    }

    @Test
    void noSecretReachesTheLogs() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            Map<String, Object> config = config("/private/budget.csv");
            config.put("bearerToken", TOKEN);
            poll(config, List.of());
            Map<String, Object> basic = config("/basic/export");
            basic.put("username", "fpa");
            basic.put("password", "pw-basic-secret");
            poll(basic, List.of());
            String text = logs.text();
            assertFalse(text.contains(TOKEN));
            assertFalse(text.contains("pw-basic-secret"));
            assertFalse(text.contains(java.util.Base64.getEncoder()
                    .encodeToString("fpa:pw-basic-secret".getBytes(StandardCharsets.UTF_8))));
        }
    }
}
