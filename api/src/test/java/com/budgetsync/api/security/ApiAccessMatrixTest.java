package com.budgetsync.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.Json;
import com.budgetsync.domain.AlertKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: no token, a bad token, a revoked key, another customer's key, acme's
 * own key and the admin token. Whatever the answer, nothing of acme's leaks to anyone but acme and the admin, and
 * no one sees a secret.
 */
class ApiAccessMatrixTest {
    private static final String CSV = "Department,Fiscal Period,Budget Amount,Currency\nAcmeOnlyDept,FY 2025,100,USD\n";
    /** Text only acme's data contains; the secret must not appear even to acme. */
    private static final String SECRET = "acme-pw-123";
    private static final List<String> ACME_DATA = List.of("Acme Secret Plan", "acme-only-folder", "AcmeOnlyDept",
            "acme-budget.csv", "\"acme\":", SECRET);

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    private static final Map<Who, String> TOKENS = new java.util.EnumMap<>(Who.class);
    private static long acmeConfig;
    private static String acmeSync;
    private static long acmeBudget;
    /** The file acme uploaded, and the config that stored it. */
    private static long acmeFile;
    private static long acmeFileConfig;
    /** An alert of acme's config. */
    private static long acmeAlert;

    enum Who { NO_TOKEN, BAD_TOKEN, REVOKED_KEY, OTHER_CUSTOMER_KEY, OWN_KEY, ADMIN }

    /** How an endpoint is scoped, which decides what a customer key gets when it is not acme's. */
    enum Scope {
        /** customer id in the query or body: another customer's key is refused with 403 */
        CUSTOMER,
        /** a row found by id: another customer's row is "not found" (404) */
        ID,
        /** admin endpoints: 403 for every customer key */
        ADMIN,
        /** any valid token: 200, showing only what the caller may see */
        ANY
    }

    /** @param shows what acme's own key and the admin see in a successful answer, proving the data is really there */
    record Endpoint(String method, String path, String contentType, String body, int ok, Scope scope, String shows) {
        Endpoint(String method, String path, String contentType, String body, int ok, Scope scope) {
            this(method, path, contentType, body, ok, scope, null);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> matrix() {
        String config = Json.write(acmeConfigBody());
        String boundary = "matrix-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"acme-budget.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/sync/config?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "Acme Secret Plan"),
                new Endpoint("POST", "/api/sync/config", "application/json", config, 201, Scope.CUSTOMER),
                new Endpoint("GET", "/api/sync/config/{config}", null, null, 200, Scope.ID, "acme-only-folder"),
                new Endpoint("PUT", "/api/sync/config/{config}", "application/json", config, 200, Scope.ID),
                new Endpoint("DELETE", "/api/sync/config/{freshConfig}", null, null, 204, Scope.ID),
                new Endpoint("GET", "/api/sync/config/{config}/audit", null, null, 200, Scope.ID,
                        "Acme Secret Plan"),
                new Endpoint("POST", "/api/sync/trigger", "application/json",
                        "{\"customerId\":\"acme\",\"configId\":{config}}", 202, Scope.CUSTOMER),
                new Endpoint("GET", "/api/sync/history?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "acme-budget.csv"),
                new Endpoint("GET", "/api/sync/history/{sync}", null, null, 200, Scope.ID, "acme-budget.csv"),
                new Endpoint("GET", "/api/sync/history/{sync}/errors.csv", null, null, 200, Scope.ID),
                new Endpoint("POST", "/api/sync/upload?customerId=acme&filename=acme-budget.csv", "text/csv", CSV, 202,
                        Scope.CUSTOMER),
                new Endpoint("POST", "/api/sync/upload?customerId=acme", "multipart/form-data; boundary=" + boundary,
                        multipart, 202, Scope.CUSTOMER),
                new Endpoint("GET", "/api/budgets?customerId=acme", null, null, 200, Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("POST", "/api/sync/config/{config}/test", null, null, 200, Scope.ID, "acme-only-folder"),
                new Endpoint("POST", "/api/sync/config/{config}/webhook-secret", null, null, 200, Scope.ID,
                        "whsec_"),
                new Endpoint("POST", "/api/mapping/preview?customerId=acme&filename=acme-budget.csv", "text/csv", CSV,
                        200, Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("GET", "/api/sync/health", null, null, 200, Scope.ANY, "\"acme\":"),
                new Endpoint("GET", "/api/openapi.json", null, null, 200, Scope.ANY, "/api/sync/trigger"),
                new Endpoint("POST", "/api/admin/api-keys", "application/json", "{\"customerId\":\"acme\"}", 201,
                        Scope.ADMIN),
                new Endpoint("GET", "/api/admin/api-keys?customerId=acme", null, null, 200, Scope.ADMIN),
                new Endpoint("DELETE", "/api/admin/api-keys/{freshKey}", null, null, 204, Scope.ADMIN),
                new Endpoint("POST", "/api/budget/check", "application/json", budgetBody(null), 200, Scope.CUSTOMER,
                        "AcmeOnlyDept"),
                new Endpoint("POST", "/api/budget/reserve", "application/json", budgetBody("matrix-reserve"), 200,
                        Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("POST", "/api/budget/commit", "application/json", budgetBody("matrix-commit"), 200,
                        Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("POST", "/api/budget/release", "application/json", budgetBody("matrix-reserve"), 200,
                        Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("PUT", "/api/fx-rates", "application/json",
                        "{\"rates\":[{\"from\":\"EUR\",\"to\":\"USD\",\"validFrom\":\"2025-01-01\",\"rate\":\"1.1\"}]}",
                        200, Scope.ADMIN),
                new Endpoint("PUT", "/api/customers/acme", "application/json", "{\"fiscalYearStartMonth\":1}", 200,
                        Scope.CUSTOMER),
                new Endpoint("PUT", "/api/customers/acme", "application/json", "{\"fileRetentionDays\":120}", 200,
                        Scope.CUSTOMER),
                new Endpoint("GET", "/api/customers/acme/export", null, null, 200, Scope.CUSTOMER),
                new Endpoint("DELETE", "/api/customers/{freshCustomer}?confirm={freshCustomer}", null, null, 200,
                        Scope.ADMIN),
                new Endpoint("POST", "/api/sync/history/{sync}/approve", null, null, 409, Scope.ID),
                new Endpoint("POST", "/api/sync/history/{sync}/retry", null, null, 409, Scope.ID),
                new Endpoint("GET", "/api/sync/history.csv?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "acme-budget.csv"),
                new Endpoint("GET", "/api/session", null, null, 200, Scope.ANY),
                new Endpoint("GET", "/api/budgets?customerId=acme&department=acmeonly&deleted=true", null, null, 200,
                        Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("GET", "/api/budgets/{budget}/audit", null, null, 200, Scope.ID, "created"),
                new Endpoint("GET", "/api/sync/sources?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "lastSyncId"),
                new Endpoint("POST", "/api/mapping/preview/grid?customerId=acme&filename=acme-budget.csv", "text/csv",
                        CSV, 200, Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("GET", "/api/sync/history/{sync}/review", null, null, 200, Scope.ID, "AcmeOnlyDept"),
                new Endpoint("POST", "/api/sync/history/{sync}/review", "application/json",
                        "{\"pins\":{\"Budget Amount\":\"amount\"}}", 409, Scope.ID),
                new Endpoint("POST", "/api/sync/history/{sync}/dry-run", null, null, 200, Scope.ID, "AcmeOnlyDept"),
                new Endpoint("POST", "/api/sync/dry-run", "application/json",
                        "{\"configId\":{fileConfig},\"fileId\":{file}}", 200, Scope.ID, "acme-budget.csv"),
                new Endpoint("GET", "/api/sync/history/{sync}/progress", null, null, 200, Scope.ID, "\"syncId\""),
                new Endpoint("GET", "/api/alerts?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "AcmeOnlyDept stale"),
                new Endpoint("POST", "/api/alerts/{alert}/close", null, null, 200, Scope.ID, "AcmeOnlyDept stale"),
                new Endpoint("GET", "/api/customers/acme", null, null, 200, Scope.CUSTOMER, "budgetPolicy"),
                new Endpoint("GET", "/api/customers/acme/aliases", null, null, 200, Scope.CUSTOMER, "departments"),
                new Endpoint("PUT", "/api/customers/acme/aliases", "application/json",
                        "{\"departments\":{\"Acme Only\":\"AcmeOnlyDept\"}}", 200, Scope.CUSTOMER, "AcmeOnlyDept"),
                new Endpoint("PUT", "/api/budgets/{budget}/policy", "application/json", "{\"policy\":\"notify\"}", 200,
                        Scope.ID, "\"policy\":\"notify\""),
                new Endpoint("GET", "/api/budgets/summary?customerId=acme", null, null, 200, Scope.CUSTOMER,
                        "AcmeOnlyDept"),
                // this app hosts no bucket: acme and the admin are told so (ProvidedBucketTest has one)
                new Endpoint("POST", "/api/customers/acme/bucket-upload-url?filename=acme-budget.csv", null, null,
                        409, Scope.CUSTOMER),
                new Endpoint("GET", "/api/no-such-endpoint", null, null, 404, Scope.ANY));
        return endpoints.stream().flatMap(e -> Stream.of(Who.values()).map(who -> Arguments.of(e, who)));
    }

    /** A config runs one sync at a time (409 otherwise): each call that starts one waits for the one before. */
    private static void awaitNoRunningSync() throws InterruptedException {
        for (int i = 0; i < 600 && app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM sync_history WHERE status = 'running'").mapTo(Long.class).one()) > 0; i++) {
            Thread.sleep(50);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        TOKENS.put(Who.NO_TOKEN, null);
        TOKENS.put(Who.BAD_TOKEN, "bsk_not-a-key-we-issued");
        TOKENS.put(Who.OWN_KEY, newKey("acme").path("key").asText());
        TOKENS.put(Who.OTHER_CUSTOMER_KEY, newKey("globex").path("key").asText());
        JsonNode revoked = newKey("acme");
        TOKENS.put(Who.REVOKED_KEY, revoked.path("key").asText());
        assertEquals(204, app.send(delete("/api/admin/api-keys/" + revoked.path("id").asLong())).status());
        TOKENS.put(Who.ADMIN, RunningApp.ADMIN_TOKEN);

        acmeConfig = createAcmeConfig();
        RunningApp.Response upload = app.postBytes("/api/sync/upload?customerId=acme&filename=acme-budget.csv",
                CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, upload.status(), upload.body());
        acmeSync = upload.json().path("syncId").asText();
        assertEquals("success", app.awaitRun(acmeSync).path("status").asText());
        acmeBudget = app.get("/api/budgets?customerId=acme").json().path("items").get(0).path("id").asLong();
        JsonNode run = app.get("/api/sync/history/" + acmeSync).json();
        acmeFile = run.path("fileId").asLong();
        acmeFileConfig = run.path("configId").asLong();
        acmeAlert = new AlertDao(app.db.jdbi()).raise("acme", acmeConfig, AlertKind.STALE, "matrix:" + acmeConfig,
                "AcmeOnlyDept stale since yesterday", acmeSync).orElseThrow().id();
    }

    @Test
    void aKeyInUseRevokedThroughTheApiFailsOnItsNextRequest() throws Exception {
        JsonNode key = newKey("acme");
        RunningApp.Client client = app.as(key.path("key").asText());
        assertEquals(200, client.get("/api/budgets?customerId=acme").status());
        assertEquals(204, app.send(delete("/api/admin/api-keys/" + key.path("id").asLong())).status());
        assertEquals(401, client.get("/api/budgets?customerId=acme").status());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void answersEachCallerWithoutLeakingAnotherCustomersData(Endpoint endpoint, Who who) throws Exception {
        awaitNoRunningSync();
        RunningApp.Response response = app.as(TOKENS.get(who)).send(request(endpoint));
        int expected = switch (who) {
            case NO_TOKEN, BAD_TOKEN, REVOKED_KEY -> 401;
            case OTHER_CUSTOMER_KEY -> switch (endpoint.scope()) {
                case CUSTOMER, ADMIN -> 403;
                case ID -> 404;
                case ANY -> endpoint.ok();
            };
            case OWN_KEY -> endpoint.scope() == Scope.ADMIN ? 403 : endpoint.ok();
            case ADMIN -> endpoint.ok();
        };
        assertEquals(expected, response.status(), response.body());
        if (expected >= 400) {
            assertTrue(response.json().path("error").isTextual(), "errors are JSON: " + response.body());
            assertFalse(response.body().contains("at com.budgetsync"), "no stack trace: " + response.body());
        }
        boolean mayReadAcme = who == Who.OWN_KEY || who == Who.ADMIN;
        if (mayReadAcme && endpoint.shows() != null) {
            assertTrue(response.body().contains(endpoint.shows()), response.body());
        }
        for (String acmeOnly : ACME_DATA) {
            if (!mayReadAcme || acmeOnly.equals(SECRET)) {
                assertFalse(response.body().contains(acmeOnly), who + " must not see '" + acmeOnly + "': "
                        + response.body());
            }
        }
    }

    private static HttpRequest.Builder request(Endpoint e) throws Exception {
        String path = e.path().replace("{config}", Long.toString(acmeConfig)).replace("{sync}", acmeSync)
                .replace("{budget}", Long.toString(acmeBudget)).replace("{alert}", Long.toString(acmeAlert));
        if (path.contains("{freshConfig}")) {
            path = path.replace("{freshConfig}", Long.toString(createAcmeConfig()));
        }
        if (path.contains("{freshCustomer}")) {
            path = path.replace("{freshCustomer}", createCustomer());
        }
        if (path.contains("{freshKey}")) {
            path = path.replace("{freshKey}", newKey("acme").path("id").asText());
        }
        String body = e.body() == null ? null : e.body().replace("{config}", Long.toString(acmeConfig))
                .replace("{fileConfig}", Long.toString(acmeFileConfig)).replace("{file}", Long.toString(acmeFile));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path))).method(e.method(),
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return e.contentType() == null ? request : request.header("Content-Type", e.contentType());
    }

    private static HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).DELETE();
    }

    private static JsonNode newKey(String customer) throws Exception {
        RunningApp.Response created = app.postJson("/api/admin/api-keys", Map.of("customerId", customer));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** A check or, with a request id, a reservation/commitment/release of 1 USD on acme's only budget. */
    private static String budgetBody(String requestId) {
        return "{" + (requestId == null ? "" : "\"requestId\":\"" + requestId + "\",") + "\"customerId\":\"acme\","
                + "\"department\":\"AcmeOnlyDept\",\"fiscalPeriod\":\"FY 2025\",\"amount\":\"1\",\"currency\":\"USD\"}";
    }

    /** An SFTP config whose host does not resolve: the connection test answers at once, nothing is reached. */
    private static Map<String, Object> acmeConfigBody() {
        return Map.of("customerId", "acme", "sourceType", "sftp", "name", "Acme Secret Plan", "frequency", "manual",
                "sourceConfig", Map.of("host", "sftp.acme-only-folder.invalid", "username", "acme",
                        "password", SECRET));
    }

    /** A customer of its own for each erasure, so acme's data stays for the other calls. */
    private static String createCustomer() throws Exception {
        String id = "erasable-" + java.util.UUID.randomUUID();
        RunningApp.Response created = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/customers/" + id)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fiscalYearStartMonth\":4}")));
        assertEquals(200, created.status(), created.body());
        return id;
    }

    private static long createAcmeConfig() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", acmeConfigBody());
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asLong();
    }
}
