package com.budgetsync.api.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.Json;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A budget's 80% and 100% alerts through the whole stack: 50 reservations at once cross each threshold once, one
 * alert each in the alerts list and at the webhook of the config the budget came from; a release below re-arms. A new
 * plan that cuts a budget below what is committed alerts the same way.
 */
class ThresholdAlertsApiTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();
    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void fiftyConcurrentReservationsRaiseEachThresholdOnceAndAReleaseBelowReArmsIt() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "alerted", "name",
                "FP&A export", "sourceType", "local", "frequency", "manual",
                "sourceConfig", Map.of("directory", Files.createTempDirectory("alerted").toString()),
                "options", Map.of("notifyWebhooks", List.of(receiver.url("/hooks/alerted")))));
        assertEquals(201, created.status(), created.body());
        long budget = Budgets.month(app.db.jdbi(), "alerted", "IT", "", "2025-03", "1000");
        app.db.jdbi().useHandle(h -> h.execute("UPDATE budget SET source_config_id = ? WHERE id = ?",
                created.json().path("id").asLong(), budget));

        reserveAtOnce(0, 50, "20");
        List<JsonNode> alerts = thresholdAlerts("alerted");
        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.get(1).path("message").asText().contains("has reached 80% used"), alerts.toString());
        assertTrue(alerts.get(0).path("message").asText().contains("has reached 100% used"), alerts.toString());
        assertEquals(List.of("budget_threshold", "budget_threshold"), awaitReceived("/hooks/alerted", 2));

        for (int i = 0; i < 15; i++) {
            assertEquals(200, app.postJson("/api/budget/release",
                    Map.of("requestId", "po-" + i, "customerId", "alerted")).status());
        }
        assertEquals(2, thresholdAlerts("alerted").size(), "dropping below raises nothing");
        reserveAtOnce(50, 10, "20");
        assertEquals(3, thresholdAlerts("alerted").size(), "80% crossed again after the release re-armed it");
        assertTrue(thresholdAlerts("alerted").get(0).path("message").asText().contains("80%"));
    }

    @Test
    void aNewPlanThatCutsABudgetBelowWhatIsCommittedAlertsOnce() throws Exception {
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "replanned", "name",
                "FP&A plan", "sourceType", "upload", "options",
                Map.of("notifyWebhooks", List.of(receiver.url("/hooks/replanned")))));
        assertEquals(201, created.status(), created.body());
        long configId = created.json().path("id").asLong();
        String plan = "Department,Sub Category,Fiscal Period,Amount,Currency\nMarketing,,Q1 2025,%s,USD\n";
        assertEquals("success", upload(configId, plan.formatted("50000")));
        assertEquals(200, app.postJson("/api/budget/commit", Map.of("requestId", "po-1", "customerId", "replanned",
                "department", "Marketing", "date", "2025-02-10", "amount", "38000", "currency", "USD")).status());
        assertEquals(0, thresholdAlerts("replanned").size(), "76% used");

        assertEquals("success", upload(configId, plan.formatted("40000")));
        List<JsonNode> alerts = thresholdAlerts("replanned");
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).path("message").asText().contains("of Marketing has reached 80% used: 38000.0000 of"
                + " 40000.0000 USD (2000.0000 available)"), alerts.toString());
        assertEquals(List.of("budget_threshold"), awaitReceived("/hooks/replanned", 1));

        assertEquals("success", upload(configId, plan.formatted("40000")));
        assertEquals(1, thresholdAlerts("replanned").size(), "the same plan again raises nothing new");
    }

    @Test
    void thresholdsAreTheCustomersOwn() throws Exception {
        Budgets.month(app.db.jdbi(), "halfway", "IT", "", "2025-03", "1000");
        RunningApp.Response set = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/customers/halfway")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"alertThresholds\":[50]}")));
        assertEquals("[50]", set.json().path("alertThresholds").toString(), set.body());
        assertEquals(200, app.postJson("/api/budget/reserve", Map.of("requestId", "h-1", "customerId", "halfway",
                "department", "IT", "date", "2025-03-10", "amount", "600", "currency", "USD")).status());
        JsonNode alerts = app.get("/api/alerts?customerId=halfway").json().path("alerts");
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).path("message").asText().contains("has reached 50% used"), alerts.toString());
    }

    private static void reserveAtOnce(int first, int count, String amount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String requestId = "po-" + i;
            calls.add(pool.submit(() -> {
                go.await();
                return app.postJson("/api/budget/reserve", Map.of("requestId", requestId, "customerId", "alerted",
                        "department", "IT", "date", "2025-03-10", "amount", amount, "currency", "USD")).status();
            }));
        }
        go.countDown();
        for (Future<Integer> call : calls) {
            assertEquals(200, call.get());
        }
        pool.shutdown();
    }

    private static String upload(long configId, String csv) throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=replanned&configId=" + configId
                + "&filename=plan.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, accepted.status(), accepted.body());
        return app.awaitRun(accepted.json().path("syncId").asText()).path("status").asText();
    }

    private static List<JsonNode> thresholdAlerts(String customerId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        app.get("/api/alerts?customerId=" + customerId).json().path("alerts").forEach(a -> {
            if (a.path("kind").asText().equals("budget_threshold")) {
                found.add(a);
            }
        });
        return found;
    }

    private static List<String> awaitReceived(String path, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> kinds = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            kinds.clear();
            for (WebhookReceiver.Request request : receiver.requests()) {
                if (request.path().equals(path)) {
                    kinds.add(Json.MAPPER.readTree(request.body()).path("alert").asText());
                }
            }
            if (kinds.size() >= count) {
                break;
            }
            Thread.sleep(200);
        }
        return kinds;
    }
}
