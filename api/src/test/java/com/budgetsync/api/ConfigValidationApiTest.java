package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configs are validated when saved through the real API: create and update answer 400 naming every bad field. */
class ConfigValidationApiTest {
    private static final String CUSTOMER = "validated";
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    private static Map<String, Object> upload(Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", CUSTOMER, "sourceType", "upload",
                "frequency", "manual"));
        body.put("options", options);
        return body;
    }

    private static RunningApp.Response put(long id, Object body) throws Exception {
        return put("/api/sync/config/" + id, body);
    }

    private static RunningApp.Response put(String path, Object body) throws Exception {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static List<String> fields(RunningApp.Response response) {
        assertEquals(400, response.status(), response.body());
        return response.json().path("details").findValuesAsText("field");
    }

    @Test
    void createRefusesEveryBadOptionAtOnceNamingFieldValueAndWhatIsAllowed() throws Exception {
        RunningApp.Response refused = app.postJson("/api/sync/config",
                upload(Map.of("defaultCurrency", "EURO", "duplicates", "summ", "errorThreshold", 5)));
        assertEquals(List.of("options.defaultCurrency", "options.duplicates", "options.errorThreshold"),
                fields(refused).stream().sorted().toList());
        String error = refused.json().path("error").asText();
        assertTrue(error.startsWith("invalid config: "), error);
        assertTrue(error.contains("options.defaultCurrency \"EURO\" is not an ISO 4217 currency code in use; e.g. EUR"),
                error);
        assertTrue(error.contains("options.duplicates \"summ\" must be sum or error"), error);
        JsonNode currency = null;
        for (JsonNode detail : refused.json().path("details")) {
            currency = detail.path("field").asText().equals("options.defaultCurrency") ? detail : currency;
        }
        assertEquals("\"EURO\"", currency.path("value").asText(), refused.body());
        assertEquals("is not an ISO 4217 currency code in use; e.g. EUR", currency.path("allowed").asText());
        assertEquals(0, app.get("/api/sync/config?customerId=" + CUSTOMER).json().path("configs").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"currency", "fiscalyear", "defaultcurrency", "notify_emails", "threshold"})
    void anUnknownOptionIsA400NamingIt(String option) throws Exception {
        RunningApp.Response refused = app.postJson("/api/sync/config", upload(Map.of(option, "x")));
        assertEquals(List.of("options." + option), fields(refused));
        assertTrue(refused.json().path("error").asText().contains("options." + option + " \"x\" is not an option"),
                refused.body());
    }

    @Test
    void aWrongTypeIsNamedLikeAnyOtherViolation() throws Exception {
        RunningApp.Response refused = app.postJson("/api/sync/config", upload(Map.of("mappingThreshold", "high",
                "notifyOnSuccess", "yes")));
        assertEquals(List.of("options.mappingThreshold", "options.notifyOnSuccess"),
                fields(refused).stream().sorted().toList());
    }

    @Test
    void updateRefusesBadValuesAndKeepsWhatWasStored() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", upload(Map.of("defaultCurrency", "EUR",
                "pins", Map.of("Budget Value", "amount"))));
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();

        RunningApp.Response refused = put(id, upload(Map.of("defaultCurrency", "EUR",
                "pins", Map.of("Budget Value", "budget"))));
        assertEquals(List.of("options.pins.Budget Value"), fields(refused));
        assertTrue(refused.json().path("error").asText().contains("fields are department, fiscalPeriod, amount,"
                + " subCategory, currency"), refused.body());
        assertEquals("amount", app.get("/api/sync/config/" + id).json().path("options").path("pins")
                .path("Budget Value").asText());

        Map<String, Object> badSchedule = upload(Map.of("defaultCurrency", "EUR"));
        badSchedule.put("frequency", "0 6 * * 7");
        badSchedule.put("timezone", "Europe/Pariss");
        assertEquals(List.of("frequency", "timezone"), fields(put(id, badSchedule)));
    }

    /** Pins saved by a mapping review are checked as the config's are, and the review keeps every other option. */
    @Test
    void reviewPinsAreValidatedWhenSavedAndKeepTheOtherOptions() throws Exception {
        Map<String, Object> config = upload(Map.of("fiscalYear", 2025, "alerts", Map.of("warnAfterFailures", 5),
                "takeOverBudgets", true));
        config.put("customerId", "reviewed"); // the other tests count the configs of CUSTOMER
        RunningApp.Response created = app.postJson("/api/sync/config", config);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        RunningApp.Response started = app.postBytes("/api/sync/upload?customerId=reviewed&configId=" + id
                + "&filename=budget.csv", ("Department,Period,Budget,Forecast\nEngineering,FY2025,500000,480000\n"
                + "Sales,FY2025,75000,81000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, started.status(), started.body());
        String held = app.awaitRun(started.json().path("syncId").asText()).path("syncId").asText();
        String review = "/api/sync/history/" + held + "/review";

        RunningApp.Response noField = app.postJson(review, Map.of("pins", Map.of("Budget", "budget")));
        assertEquals(400, noField.status(), noField.body());
        assertTrue(noField.json().path("error").asText().contains("allowed: department, fiscalPeriod, amount,"
                + " subCategory, currency"), noField.body());
        RunningApp.Response noColumn = app.postJson(review, Map.of("pins", Map.of("Budgte", "amount")));
        assertEquals(400, noColumn.status(), noColumn.body());
        assertTrue(noColumn.json().path("error").asText().startsWith("column 'Budgte' is not in the file"),
                noColumn.body());

        assertEquals(202, app.postJson(review, Map.of("pins", Map.of("Budget", "amount"))).status());
        JsonNode options = app.get("/api/sync/config/" + id).json().path("options");
        assertEquals("amount", options.path("pins").path("Budget").asText(), options.toString());
        assertEquals(2025, options.path("fiscalYear").asInt(), options.toString());
        assertEquals(5, options.path("alerts").path("warnAfterFailures").asInt(), options.toString());
        assertTrue(options.path("takeOverBudgets").asBoolean(), options.toString());
    }

    @Test
    void cronIsReadInTemporalsDialect() throws Exception {
        Map<String, Object> weekdays = upload(Map.of());
        weekdays.put("frequency", "0 6 * * MON-FRI");
        RunningApp.Response created = app.postJson("/api/sync/config", weekdays);
        assertEquals(201, created.status(), created.body());
        assertEquals("0 6 * * MON-FRI", created.json().path("frequency").asText());

        Map<String, Object> sunday = upload(Map.of());
        sunday.put("frequency", "0 6 * * 7");
        RunningApp.Response refused = app.postJson("/api/sync/config", sunday);
        assertEquals(List.of("frequency"), fields(refused));
        assertTrue(refused.json().path("error").asText().contains("day-of-week 0-6 or SUN-SAT"), refused.body());
    }

    @Test
    void sourceSettingsAreCheckedPerTypeAndMaskedSecretsStillWorkOnUpdate() throws Exception {
        Map<String, Object> sftp = new HashMap<>(Map.of("customerId", CUSTOMER, "sourceType", "sftp",
                "frequency", "daily", "sourceConfig", Map.of("host", "sftp.acme.example", "port", 70_000)));
        assertEquals(List.of("sourceConfig.port", "sourceConfig.username", "sourceConfig.password"),
                fields(app.postJson("/api/sync/config", sftp)));

        Map<String, Object> source = new HashMap<>(Map.of("host", "sftp.acme.example", "username", "fpa",
                "password", "Secret-1", "hostKeyFingerprint", "SHA256:abc"));
        sftp.put("sourceConfig", source);
        sftp.put("options", Map.of("notifyWebhooks", List.of("https://hooks.example.com/secret-path")));
        RunningApp.Response created = app.postJson("/api/sync/config", sftp);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();

        // what GET answers, sent back as is: the masked secret and the masked webhook stand for the stored ones
        JsonNode shown = app.get("/api/sync/config/" + id).json();
        Map<String, Object> again = new HashMap<>(sftp);
        again.put("sourceConfig", Json.MAPPER.convertValue(shown.path("sourceConfig"), Map.class));
        again.put("options", Json.MAPPER.convertValue(shown.path("options"), Map.class));
        again.put("name", "renamed");
        RunningApp.Response updated = put(id, again);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("********", updated.json().path("sourceConfig").path("password").asText());
        assertEquals(shown.path("options").path("notifyWebhooks"), updated.json().path("options")
                .path("notifyWebhooks"));
    }

    @Test
    void theFiscalYearStartIsTheCustomersAndIsAMonth() throws Exception {
        for (int month : List.of(0, 13)) {
            RunningApp.Response refused = put("/api/customers/" + CUSTOMER, Map.of("fiscalYearStartMonth", month));
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.json().path("error").asText().contains("fiscalYearStartMonth"), refused.body());
        }
        for (int month : List.of(1, 12)) {
            assertEquals(200, put("/api/customers/" + CUSTOMER, Map.of("fiscalYearStartMonth", month)).status());
        }
    }
}
