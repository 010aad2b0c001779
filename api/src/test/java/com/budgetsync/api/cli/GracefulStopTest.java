package com.budgetsync.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.AuthConfig;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the all-in-one process ({@code dev}) while a large import runs: the worker drains first, with the
 * embedded Temporal still up and the API still answering, so the import finishes and is recorded, every request sent
 * before then is answered, and the process exits within the run's remaining time plus 5 s, not after the 60 s grace
 * period.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GracefulStopTest {
    private static final int ROWS = 400_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sigtermWithARunInFlightExitsOnceTheRunIsRecorded(@TempDir Path dir) throws Exception {
        int port = DevProcess.freePort();
        int adminPort = DevProcess.freePort();
        Path output = dir.resolve("dev.log");
        Process dev = DevProcess.start(db, List.of("--port", "" + port, "--admin-port", "" + adminPort), Map.of(),
                output);
        try {
            DevProcess.awaitHealthy(adminPort, output);
            HttpResponse<String> upload = http.send(api(port, "/api/sync/upload?customerId=graceful&filename=big.csv")
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(BenchData.write(dir, "big.csv", ROWS, 0))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, upload.statusCode(), upload.body());
            String syncId = JSON.readTree(upload.body()).path("syncId").asText();
            awaitReadingRows(port, syncId);

            Instant stopped = Instant.now();
            dev.destroy(); // SIGTERM
            List<Answer> answers = new ArrayList<>();
            while (dev.isAlive() && Duration.between(stopped, Instant.now()).toSeconds() < 90) {
                answers.add(ask(port, syncId));
                Thread.sleep(100);
            }
            assertTrue(dev.waitFor(90, TimeUnit.SECONDS), "dev did not exit");
            Instant exited = Instant.now();

            var run = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT status, end_time FROM sync_history WHERE sync_id = :id").bind("id", syncId)
                    .mapToMap().one());
            assertEquals("success", run.get("status"), Files.readString(output, StandardCharsets.UTF_8));
            Instant runEnded = ((java.sql.Timestamp) run.get("end_time")).toInstant();
            assertTrue(runEnded.isAfter(stopped), "the run was still going when the process was told to stop");
            List<Answer> whileDraining = answers.stream().filter(a -> a.at().isBefore(runEnded)).toList();
            assertTrue(whileDraining.stream().anyMatch(a -> a.text().equals("running")),
                    "no answer while the run went on after SIGTERM: " + answers);
            assertTrue(whileDraining.stream().allMatch(a -> a.status() == 200), "the API stopped answering before"
                    + " the worker had drained: " + whileDraining);
            assertTrue(Duration.between(runEnded, exited).toSeconds() <= 5, "exited "
                    + Duration.between(runEnded, exited).toSeconds() + " s after the run ended, "
                    + Duration.between(stopped, exited).toSeconds() + " s after SIGTERM");
        } finally {
            dev.destroyForcibly();
        }
    }

    /** One answer of the API while the process stops: status code and run status, or the connection's failure. */
    private record Answer(Instant at, int status, String text) {
    }

    private Answer ask(int port, String syncId) {
        Instant at = Instant.now();
        try {
            HttpResponse<String> response = http.send(api(port, "/api/sync/history/" + syncId)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(at, response.statusCode(), response.statusCode() == 200
                    ? JSON.readTree(response.body()).path("status").asText() : response.body());
        } catch (Exception refused) {
            return new Answer(at, 0, String.valueOf(refused));
        }
    }

    private HttpRequest.Builder api(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + AuthConfig.DEV_ADMIN_TOKEN);
    }

    private void awaitReadingRows(int port, String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode progress = JSON.readTree(http.send(api(port, "/api/sync/history/" + syncId + "/progress")
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            if (progress.path("rowsRead").asLong() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import never started reading rows");
    }
}
