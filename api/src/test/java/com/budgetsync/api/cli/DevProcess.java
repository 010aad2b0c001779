package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncApplication;
import com.budgetsync.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** {@code dev} as its own JVM process on the test's database, as a person starts it; output goes to a file. */
final class DevProcess {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DevProcess() {
    }

    static Process start(TestDatabase db, List<String> args, Map<String, String> env, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), BudgetSyncApplication.class.getName(),
                "dev"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeAll(List.of("TEMPORAL_ADDRESS", "PORT", "ADMIN_PORT",
                "BUDGET_SYNC_ADMIN_TOKEN"));
        builder.environment().put("DATABASE_URL", db.url().jdbcUrl());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        builder.environment().put("BUDGET_SYNC_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        builder.environment().putAll(env);
        return builder.start();
    }

    static void awaitHealthy(int adminPort, Path output) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/healthcheck")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("dev on admin port " + adminPort + " not healthy after 180 s:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
