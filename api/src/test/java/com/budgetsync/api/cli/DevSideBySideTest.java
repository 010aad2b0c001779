package com.budgetsync.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.AuthConfig;
import com.budgetsync.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code dev} processes on one machine, as two developers or a developer and a test run them: one told its ports
 * by PORT/ADMIN_PORT without a config file, one by {@code --port}/{@code --admin-port} with the shipped config.yml,
 * which still embeds Temporal because TEMPORAL_ADDRESS is unset. Both answer, each with its own Temporal.
 */
class DevSideBySideTest {
    private static final Pattern TEMPORAL_LINE = Pattern.compile("Temporal +(\\S+) \\(embedded");
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void twoDevInstancesRunSideBySideOnTheirOwnPorts(@TempDir Path dir) throws Exception {
        int[] ports = {DevProcess.freePort(), DevProcess.freePort(), DevProcess.freePort(), DevProcess.freePort()};
        List<Process> started = new ArrayList<>();
        try {
            Path outA = dir.resolve("a.log");
            Path outB = dir.resolve("b.log");
            started.add(DevProcess.start(db, List.of(), Map.of("PORT", "" + ports[0], "ADMIN_PORT", "" + ports[1]),
                    outA));
            started.add(DevProcess.start(db, List.of("config.yml", "--port", "" + ports[2], "--admin-port",
                    "" + ports[3]), Map.of(),
                    outB));
            DevProcess.awaitHealthy(ports[1], outA);
            DevProcess.awaitHealthy(ports[3], outB);
            for (int apiPort : new int[] {ports[0], ports[2]}) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + apiPort + "/api/sync/health"))
                        .header("Authorization", "Bearer " + AuthConfig.DEV_ADMIN_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
            }
            String temporalA = embeddedTemporal(outA);
            String temporalB = embeddedTemporal(outB);
            assertNotEquals(temporalA, temporalB, "each dev has its own embedded Temporal");
        } finally {
            for (Process p : started) {
                p.destroy();
            }
            for (Process p : started) {
                p.waitFor();
            }
        }
    }

    private static String embeddedTemporal(Path output) throws IOException {
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Matcher m = TEMPORAL_LINE.matcher(log);
        assertTrue(m.find(), "dev started its embedded Temporal:\n" + log);
        return m.group(1);
    }
}
