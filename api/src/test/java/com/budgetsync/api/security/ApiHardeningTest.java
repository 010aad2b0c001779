package com.budgetsync.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client sees when it sends something wrong or hostile: 400s naming the field, the upload size cap and content
 * types, internal addresses refused, the config audit trail without secrets, and formulas neutralised in CSV exports.
 */
class ApiHardeningTest {
    private static final int MAX_FILE_BYTES = 4096;

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> {
        config.getWorker().setMaxFileBytes(MAX_FILE_BYTES);
        config.getOutbound().setAllowLoopback(false);
    });

    @Test
    void invalidParametersAndBodiesAnswer400NamingTheField() throws Exception {
        assertError(app.get("/api/sync/history?customerId=acme&limit=0"), 400,
                "limit must be greater than or equal to 1");
        assertError(app.get("/api/budgets?customerId=no%20spaces"), 400,
                "customerId must be 1-64 letters, digits, '.', '_' or '-'");
        assertError(app.get("/api/budgets"), 400, "customerId must not be null");
        assertError(app.postJson("/api/admin/api-keys", "{}"), 400, "customerId must not be blank");
        assertError(app.postJson("/api/sync/config", Map.of("customerId", "acme", "sourceType", "local",
                "frequency", "sometimes")), 400, "frequency \"sometimes\" must be hourly, every_4_hours, daily, manual");
        RunningApp.Response broken = app.postJson("/api/sync/trigger", "{\"customerId\": ");
        assertError(broken, 400, "request body is not valid JSON");
        assertFalse(broken.body().contains("at com.") || broken.body().contains("Exception"), broken.body());
    }

    @Test
    void uploadsAreCappedInSizeAndType() throws Exception {
        byte[] big = ("Department,Fiscal Period,Amount\n" + "Engineering,FY 2025,1\n".repeat(300))
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > MAX_FILE_BYTES);
        assertEquals(413, app.postBytes("/api/sync/upload?customerId=acme&filename=big.csv", big, "text/csv")
                .status());

        RunningApp.Response json = app.postBytes("/api/sync/upload?customerId=acme&filename=b.csv",
                "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertError(json, 415, "Content-Type 'application/json' not accepted; send one of: text/csv");
    }

    @Test
    void hostsAndUrlsOnInternalNetworksAreRefusedWhenSaved() throws Exception {
        assertError(app.postJson("/api/sync/config", Map.of("customerId", "acme", "sourceType", "sftp",
                        "sourceConfig", Map.of("host", "169.254.169.254", "username", "u", "password", "p"))), 400,
                "sourceConfig.host \"169.254.169.254\" is refused: outbound connection to 169.254.169.254 refused:"
                        + " link-local address (allow with outbound.allowPrivate)");
        assertError(app.postJson("/api/sync/config", Map.of("customerId", "acme", "sourceType", "https",
                        "sourceConfig", Map.of("url", "https://127.0.0.1:8443/budget.csv"))), 400,
                "sourceConfig.url \"https://127.0.0.1:8443/budget.csv\" is refused: outbound connection to 127.0.0.1"
                        + " refused: loopback address");
        assertError(app.postJson("/api/sync/config", Map.of("customerId", "acme", "sourceType", "upload",
                        "options", Map.of("notifyWebhooks", List.of("http://10.0.0.1/hook")))), 400,
                "is refused: outbound connection to 10.0.0.1 refused: private network address");
    }

    @Test
    void onlyTheOperatorPointsConfigsAtLocalFolders() throws Exception {
        String key = app.postJson("/api/admin/api-keys", Map.of("customerId", "curious")).json().path("key").asText();
        assertError(app.as(key).postJson("/api/sync/config", Map.of("customerId", "curious", "sourceType", "local",
                "sourceConfig", Map.of("directory", "/etc"))), 403, "sourceType local reads budget-sync's own disk");
    }

    @Test
    void configChangesAreAuditedWithoutSecrets() throws Exception {
        String key = app.postJson("/api/admin/api-keys", Map.of("customerId", "audited")).json().path("key").asText();
        RunningApp.Client customer = app.as(key);
        RunningApp.Response created = customer.postJson("/api/sync/config", Map.of("customerId", "audited",
                "sourceType", "sftp", "frequency", "daily",
                "sourceConfig", Map.of("host", "sftp.example.com", "username", "fpa", "password", "first-secret")));
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        String path = "/api/sync/config/" + id;
        assertEquals(200, app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"audited","sourceType":"sftp","frequency":"hourly",
                         "sourceConfig":{"host":"sftp.example.com","username":"fpa","password":"second-secret"}}"""))).status());
        assertEquals(204, app.send(HttpRequest.newBuilder(URI.create(app.url(path))).DELETE()).status());

        RunningApp.Response trail = customer.get(path + "/audit");
        assertEquals(200, trail.status(), trail.body());
        assertFalse(trail.body().contains("first-secret") || trail.body().contains("second-secret"), trail.body());
        JsonNode entries = trail.json();
        assertEquals(List.of("create", "update", "delete"),
                List.of(entries.get(0).path("action").asText(), entries.get(1).path("action").asText(),
                        entries.get(2).path("action").asText()));
        assertTrue(entries.get(0).path("actor").asText().startsWith("api-key:"), trail.body());
        JsonNode update = entries.get(1);
        assertEquals("admin", update.path("actor").asText());
        assertEquals("daily", update.path("changes").path("frequency").path("from").asText());
        assertEquals("hourly", update.path("changes").path("frequency").path("to").asText());
        assertEquals("changed", update.path("changes").path("sourceConfig.password").asText());
        assertFalse(update.path("changes").has("sourceConfig.host"), "unchanged fields are left out");
    }

    @Test
    void errorExportNeutralisesSpreadsheetFormulas() throws Exception {
        String csv = "Department,Fiscal Period,Budget Amount,Currency\n"
                + "Engineering,FY 2025,100,USD\n".repeat(40)
                + "=HYPERLINK(\"http://evil\"),FY 2025,=1+2,USD\n"
                + "Sales,FY 2025,@SUM(A1:A9),USD\n";
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=formulas&filename=f.csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        String syncId = accepted.json().path("syncId").asText();
        JsonNode run = app.awaitRun(syncId);

        RunningApp.Response export = app.get("/api/sync/history/" + syncId + "/errors.csv");
        assertEquals(200, export.status(), export.body());
        List<String> lines = export.body().lines().toList();
        assertEquals("row,column,value,message", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("42,Budget Amount,'=1+2,\"not an amount")),
                export.body() + run);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("43,Budget Amount,'@SUM(A1:A9),\"not an amount")),
                export.body());
    }

    private static void assertError(RunningApp.Response response, int status, String message) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.json().path("error").asText().contains(message), response.body());
    }
}
