package com.budgetsync.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.NotificationDao.About;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.budgetsync.workflow.AlertCheckWorkflow;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A config that keeps failing, through the whole stack (API, worker, embedded Temporal, PostgreSQL, a real webhook
 * receiver): the alert checks warn at 3 failed runs in a row and pause it at 10 (its schedule gone from Temporal, its
 * status paused with the reason, in its audit trail, the notification recorded), list and close alerts as each caller may, and enabling
 * the config again resumes its schedule without pausing it again for the same failures.
 */
class FailureStreakPauseTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(config -> config.getTemporal().setAlertChecks(true));
    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();
    private static TemporalConnection temporal;

    @BeforeAll
    static void start() throws Exception {
        temporal = new TemporalConnection(app.temporal.address(), "default", new MetricRegistry());
    }

    @AfterAll
    static void stop() throws Exception {
        temporal.close();
    }

    @Test
    void warnsAtThreePausesAtTenAndResumesWhenEnabledAgain() throws Exception {
        Path folder = Files.createTempDirectory("streak");
        RunningApp.Response created = app.postJson("/api/sync/config", Map.of("customerId", "streaky", "name",
                "Main budget", "sourceType", "local", "frequency", "hourly",
                "sourceConfig", Map.of("directory", folder.toString()),
                "options", Map.of("notifyWebhooks", List.of(receiver.url("/hooks/streaky")))));
        assertEquals(201, created.status(), created.body());
        long config = created.json().path("id").asLong();
        String schedule = WorkflowIds.schedule("streaky", config);
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(schedule));
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(AlertCheckWorkflow.WORKFLOW_ID),
                "the API keeps the alert checks scheduled");

        failedRuns(config, 2);
        checkNow();
        assertEquals(0, openAlerts().size(), "two failures are no streak");
        failedRuns(config, 1);
        checkNow();
        JsonNode failing = only(openAlerts(), "failing");
        assertTrue(failing.path("message").asText().startsWith("3 failed runs in a row"), failing.toString());
        assertEquals(List.of("failing"), received());

        failedRuns(config, 7);
        checkNow();
        JsonNode view = app.get("/api/sync/config/" + config).json();
        assertEquals("paused", view.path("status").asText(), view.toString());
        assertFalse(view.path("enabled").asBoolean());
        assertTrue(view.path("pausedReason").asText().startsWith("10 failed runs in a row"), view.toString());
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, status(schedule),
                "the schedule is gone from Temporal");
        JsonNode audit = app.get("/api/sync/config/" + config + "/audit").json().path("entries");
        JsonNode pause = audit.get(audit.size() - 1);
        assertEquals(List.of("pause", "alert-checks", "false"), List.of(pause.path("action").asText(),
                pause.path("actor").asText(), pause.path("changes").path("enabled").path("to").asText()),
                "the pause is in the config's audit trail: " + audit);
        JsonNode paused = only(openAlerts(), "paused");
        assertEquals(List.of("failing", "paused"), received());
        assertEquals(Status.DELIVERED, new NotificationDao(app.db.jdbi())
                .list(About.alert(paused.path("id").asLong())).get(0).status(), "the delivery is recorded");
        assertEquals(2, app.get("/api/sync/health").json().path("openAlerts").path("streaky").asLong());

        checkNow();
        assertEquals(List.of("failing", "paused"), received(), "a paused config is not announced twice");

        // who may see and close them
        String own = key("streaky");
        String other = key("someone-else");
        assertEquals(403, app.as(other).get("/api/alerts?customerId=streaky").status());
        assertEquals(0, app.as(other).get("/api/alerts").json().path("total").asLong(), "a key lists its own");
        assertEquals(404, app.as(other).postJson("/api/alerts/" + failing.path("id").asLong() + "/close", "")
                .status());
        RunningApp.Response closed = app.as(own).postJson("/api/alerts/" + failing.path("id").asLong() + "/close",
                "");
        assertEquals(200, closed.status(), closed.body());
        assertEquals("Alert closed", closed.json().path("message").asText());
        assertTrue(closed.json().path("alert").path("closedBy").asText().startsWith("api-key:"), closed.body());
        assertEquals("Alert was already closed (" + closed.json().path("alert").path("closedBy").asText() + ")",
                app.postJson("/api/alerts/" + failing.path("id").asLong() + "/close", "").json().path("message")
                        .asText());
        assertEquals(1, openAlerts().size());

        String enable = Json.write(Map.of("customerId", "streaky", "sourceType", "local", "enabled", true));
        RunningApp.Response enabled = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/sync/config/" + config)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(enable)));
        assertEquals(200, enabled.status(), enabled.body());
        assertEquals("active", enabled.json().path("config").path("status").asText(), enabled.body());
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, status(schedule),
                "enabling it again resumes its schedule");
        checkNow();
        assertEquals("active", app.get("/api/sync/config/" + config).json().path("status").asText(),
                "the failures it was paused for no longer count");
        assertEquals(0, openAlerts().size(), "the paused alert closes once the config runs again");
        assertEquals(List.of("failing", "paused"), received());
    }

    /** One alert-check run now, as the cron workflow runs them, awaited. */
    private static void checkNow() {
        temporal.client().newWorkflowStub(AlertCheckWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("alert-check-now-" + UUID.randomUUID()).setTaskQueue(TaskQueues.BUDGET_SYNC)
                .build()).check();
    }

    private static WorkflowExecutionStatus status(String workflowId) {
        WorkflowClient client = temporal.client();
        return client.newUntypedWorkflowStub(workflowId).describe().getStatus();
    }

    /** {@code count} failed runs of the config, as a failing source leaves them in the history. */
    private static void failedRuns(long config, int count) {
        for (int i = 0; i < count; i++) {
            app.db.jdbi().useHandle(h -> h.createUpdate("""
                            INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status,
                                                      start_time, end_time, duration_ms, message)
                            VALUES (gen_random_uuid()::text, 'streaky', :config, 'cron', 'failed',
                                    clock_timestamp(), clock_timestamp(), 100, 'SFTP login refused')""")
                    .bind("config", config).execute());
        }
    }

    private static List<JsonNode> openAlerts() throws Exception {
        RunningApp.Response list = app.get("/api/alerts?customerId=streaky&open=true");
        assertEquals(200, list.status(), list.body());
        List<JsonNode> alerts = new ArrayList<>();
        list.json().path("alerts").forEach(alerts::add);
        assertEquals(alerts.size(), list.json().path("total").asLong());
        return alerts;
    }

    private static JsonNode only(List<JsonNode> alerts, String kind) {
        List<JsonNode> of = alerts.stream().filter(a -> a.path("kind").asText().equals(kind)).toList();
        assertEquals(1, of.size(), alerts.toString());
        return of.get(0);
    }

    private static List<String> received() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.requests()) {
            kinds.add(Json.MAPPER.readTree(request.body()).path("alert").asText());
        }
        return kinds;
    }

    private static String key(String customer) throws Exception {
        RunningApp.Response created = app.postJson("/api/admin/api-keys", Map.of("customerId", customer));
        assertEquals(201, created.status(), created.body());
        return created.json().path("key").asText();
    }
}
