package com.budgetsync.worker.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.crypto.WebhookSecrets;
import com.budgetsync.crypto.WebhookUrls;
import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ConfigHealthDao;
import com.budgetsync.db.Json;
import com.budgetsync.db.NotificationDao;
import com.budgetsync.db.NotificationDao.About;
import com.budgetsync.domain.Alert;
import com.budgetsync.domain.AlertKind;
import com.budgetsync.domain.AlertOptions;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.NotificationDelivery.Status;
import com.budgetsync.domain.SourceType;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.SmtpSettings;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.activities.AlertCheckActivityImpl;
import com.budgetsync.worker.notify.AlertNotifier;
import com.budgetsync.worker.testing.WebhookReceiver;
import com.budgetsync.worker.workflow.AlertCheckWorkflowImpl;
import com.budgetsync.worker.workflow.BudgetSyncWorkflowImpl;
import com.budgetsync.workflow.AlertCheckWorkflow;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.WorkflowIds;
import com.budgetsync.workflow.TaskQueues;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert checks as the cron workflow runs them, on Temporal's test server with time skipping against real
 * PostgreSQL, delivering to a real webhook receiver: stale data fires once and recovers once, a late file fires once
 * a day, streaks warn, ten failures pause the config and stop its schedule (a needs-review streak never pauses), slow and error-heavy runs raise alerts with the run's
 * link, and two checks at the same moment raise each alert once.
 */
class AlertChecksTest {
    private static final SourceSecrets SECRETS = new SourceSecrets(new SecretCipher(new byte[32]));

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(AlertCheckWorkflowImpl.class,
            BudgetSyncWorkflowImpl.class);

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();
    private final AlertDao alerts = new AlertDao(db.jdbi());

    @BeforeEach
    void start() throws Exception {
        temporal.start(new AlertCheckActivityImpl(checks(),
                new AlertNotifier(alerts, new ConfigDao(db.jdbi()), new NotificationDao(db.jdbi()),
                        new NotificationSettings(SmtpSettings.NONE, "https://budgets.acme.test"),
                        new WebhookUrls(SECRETS), new WebhookSecrets(SECRETS, db.jdbi()))));
    }

    @Test
    void staleDataFiresOnceAndRecoversOnce() throws Exception {
        DataSourceConfig config = config("every_4_hours", "UTC", AlertOptions.DEFAULTS);
        String first = run(config, "success", now().minus(Duration.ofMinutes(1)), 30_000, 10, 0);
        hourly();

        temporal.server().sleep(Duration.ofHours(7));
        assertEquals(List.of(), of(config, AlertKind.STALE), "7 h old: within the 8 h an every-4-hours config has");

        temporal.server().sleep(Duration.ofHours(2));
        List<Alert> stale = of(config, AlertKind.STALE);
        assertEquals(1, stale.size(), "one alert however many checks ran: " + stale);
        assertTrue(stale.get(0).open());
        assertEquals(first, stale.get(0).syncId());
        assertTrue(stale.get(0).message().contains("the limit is 8.0 h"), stale.get(0).message());

        temporal.server().sleep(Duration.ofHours(3));
        assertEquals(1, of(config, AlertKind.STALE).size(), "still one, 12 h on");
        assertEquals(List.of("stale"), kindsReceived());

        String second = run(config, "success", now(), 40_000, 10, 0);
        temporal.server().sleep(Duration.ofHours(2));
        Alert closed = alerts.find(stale.get(0).id()).orElseThrow();
        assertEquals(AlertDao.RECOVERED, closed.closedBy());
        List<Alert> recovered = of(config, AlertKind.RECOVERED);
        assertEquals(1, recovered.size(), recovered.toString());
        assertTrue(recovered.get(0).message().contains(second), recovered.get(0).message());
        assertEquals(List.of("stale", "recovered"), kindsReceived(), "each told once");
        assertEquals(Status.DELIVERED,
                new NotificationDao(db.jdbi()).list(About.alert(recovered.get(0).id())).get(0).status());
    }

    @Test
    void aLateFileFiresOncePerDay() throws Exception {
        // a zone where the test starts between midnight and 1 a.m., so "expected by 03:00" is hours away
        int utcHour = now().atZone(ZoneOffset.UTC).getHour();
        int offset = utcHour == 0 ? 0 : 24 - utcHour;
        String zone = offset == 0 ? "UTC" : offset <= 14 ? "Etc/GMT-" + offset : "Etc/GMT+" + (24 - offset);
        DataSourceConfig config = config("hourly", zone,
                new AlertOptions(1000.0, "03:00", "daily", null, null, null, null, null));
        Instant start = now();
        // stored yesterday: the last file seen
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO stored_file (customer_id, config_id, filename, size_bytes, sha256, created_at)
                VALUES (?, ?, 'budget-yesterday.csv', 10, 'x', ?)""", config.customerId(), config.id(),
                java.sql.Timestamp.from(start.minus(Duration.ofHours(20)))));
        run(config, "no_new_file", start.plus(Duration.ofMinutes(90)), 1_000, 0, 0);
        run(config, "no_new_file", start.plus(Duration.ofHours(4)), 1_000, 0, 0);
        run(config, "no_new_file", start.plus(Duration.ofHours(5)), 1_000, 0, 0);
        run(config, "no_new_file", start.plus(Duration.ofHours(28)), 1_000, 0, 0);
        hourly();

        temporal.server().sleep(Duration.ofHours(2));
        assertEquals(List.of(), of(config, AlertKind.LATE_FILE), "before 03:00 a run without a file is no news");

        temporal.server().sleep(Duration.ofHours(4));
        List<Alert> late = of(config, AlertKind.LATE_FILE);
        assertEquals(1, late.size(), late.toString());
        assertTrue(late.get(0).message().contains("no new file by 03:00 (" + zone + ")"), late.get(0).message());
        assertTrue(late.get(0).message().contains("the last file seen was budget-yesterday.csv"),
                late.get(0).message());

        temporal.server().sleep(Duration.ofHours(18));
        assertEquals(1, of(config, AlertKind.LATE_FILE).size(), "once that day");

        temporal.server().sleep(Duration.ofHours(6));
        assertEquals(2, of(config, AlertKind.LATE_FILE).size(), "and once the next day");
        assertEquals(List.of("late_file", "late_file"), kindsReceived());
    }

    @Test
    void failureStreakWarnsAtThreeAndANeedsReviewStreakWarnsButNeverPauses() throws Exception {
        DataSourceConfig failing = config("hourly", "UTC", AlertOptions.DEFAULTS);
        DataSourceConfig held = config("hourly", "UTC", AlertOptions.DEFAULTS);
        Instant at = now().minus(Duration.ofHours(1));
        run(failing, "success", at, 1_000, 5, 0);
        run(failing, "failed", at.plusSeconds(60), 1_000, 0, 0);
        run(failing, "failed", at.plusSeconds(120), 1_000, 0, 0);
        for (int i = 0; i < 12; i++) {
            run(held, "needs_review", at.plusSeconds(60L * i), 1_000, 5, 0);
        }
        everyFiveMinutes();
        temporal.server().sleep(Duration.ofMinutes(6));
        assertEquals(List.of(), of(failing, AlertKind.FAILING), "two failures are no streak yet");
        assertEquals(1, of(held, AlertKind.REVIEW_STREAK).size());
        assertTrue(new ConfigDao(db.jdbi()).find(held.id()).orElseThrow().enabled(), "needs_review never pauses");

        String third = run(failing, "failed", now(), 1_000, 0, 0);
        temporal.server().sleep(Duration.ofMinutes(10));
        List<Alert> warned = of(failing, AlertKind.FAILING);
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).message().startsWith("3 failed runs in a row"), warned.get(0).message());
        assertTrue(third != null && !warned.get(0).syncId().equals(third), "named by the streak's first run");

        run(failing, "success", now(), 1_000, 5, 0);
        temporal.server().sleep(Duration.ofMinutes(10));
        assertEquals(AlertDao.RESOLVED, alerts.find(warned.get(0).id()).orElseThrow().closedBy(),
                "a run that works ends the streak");
        assertTrue(new ConfigDao(db.jdbi()).find(failing.id()).orElseThrow().enabled());
    }

    @Test
    void tenFailedRunsInARowPauseTheConfigAndStopItsSchedule() throws Exception {
        DataSourceConfig config = config("hourly", "UTC", AlertOptions.DEFAULTS);
        String schedule = WorkflowIds.schedule(config.customerId(), config.id());
        // the config's schedule as the API starts it; its first tick is far off, so it just waits
        WorkflowClient.start(temporal.client().newWorkflowStub(BudgetSyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(schedule).setTaskQueue(TaskQueues.BUDGET_SYNC).setCronSchedule("0 0 1 1 *").build())
                ::sync, SyncRequest.cron(config.customerId(), config.id(), true));
        Instant at = now().minus(Duration.ofHours(10));
        for (int i = 0; i < 9; i++) {
            run(config, "failed", at.plus(Duration.ofHours(i)), 1_000, 0, 0);
        }
        everyFiveMinutes();
        temporal.server().sleep(Duration.ofMinutes(10));
        assertTrue(new ConfigDao(db.jdbi()).find(config.id()).orElseThrow().enabled(), "nine do not pause");
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, scheduleStatus(schedule));

        run(config, "failed", now(), 1_000, 0, 0);
        temporal.server().sleep(Duration.ofMinutes(10));
        DataSourceConfig paused = new ConfigDao(db.jdbi()).find(config.id()).orElseThrow();
        assertTrue(paused.paused(), "disabled with its reason");
        assertTrue(paused.pausedReason().startsWith("10 failed runs in a row"), paused.pausedReason());
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, scheduleStatus(schedule));
        List<Alert> pausedAlerts = of(config, AlertKind.PAUSED);
        assertEquals(1, pausedAlerts.size());
        assertEquals(Status.DELIVERED,
                new NotificationDao(db.jdbi()).list(About.alert(pausedAlerts.get(0).id())).get(0).status());

        temporal.server().sleep(Duration.ofHours(1));
        assertEquals(List.of("failing", "paused"), kindsReceived(), "warned once at 3, paused once at 10");
    }

    @Test
    void slowRunsAndErrorRatesRaiseAlertsWithTheRunsLink() throws Exception {
        DataSourceConfig config = config("hourly", "UTC", AlertOptions.DEFAULTS);
        String slow = run(config, "success", now().minus(Duration.ofMinutes(20)), 6 * 60_000, 100, 0);
        run(config, "success", now().minus(Duration.ofMinutes(15)), 4 * 60_000, 100, 0);
        String errors = run(config, "partial", now().minus(Duration.ofMinutes(10)), 60_000, 100, 6);
        run(config, "partial", now().minus(Duration.ofMinutes(5)), 60_000, 100, 5);
        everyFiveMinutes();
        temporal.server().sleep(Duration.ofMinutes(20));

        List<Alert> slowRuns = of(config, AlertKind.SLOW_RUN);
        assertEquals(1, slowRuns.size(), "the 4-minute run is within 5: " + slowRuns);
        assertEquals(slow, slowRuns.get(0).syncId());
        assertTrue(slowRuns.get(0).message().contains("took 360 s; the limit is 300 s"), slowRuns.get(0).message());
        List<Alert> rates = of(config, AlertKind.ERROR_RATE);
        assertEquals(1, rates.size(), "5 of 100 is not over 5 %: " + rates);
        assertEquals(errors, rates.get(0).syncId());
        assertTrue(rates.get(0).message().contains("6 of 100 rows in error (6.0 %; the limit is 5.0 %)"),
                rates.get(0).message());

        List<JsonNode> bodies = bodies();
        assertEquals(2, bodies.size());
        for (JsonNode body : bodies) {
            String syncId = body.path("syncId").asText();
            assertEquals("https://budgets.acme.test/api/sync/history/" + syncId, body.path("historyUrl").asText());
            assertEquals("https://budgets.acme.test/api/alerts?customerId=" + config.customerId() + "&open=true",
                    body.path("alertsUrl").asText());
        }
    }

    @Test
    void twoChecksAtTheSameMomentRaiseEachAlertOnce() throws Exception {
        DataSourceConfig config = config("every_4_hours", "UTC", AlertOptions.DEFAULTS);
        run(config, "success", now().minus(Duration.ofHours(20)), 6 * 60_000, 100, 20);
        run(config, "failed", now().minus(Duration.ofHours(3)), 1_000, 0, 0);
        run(config, "failed", now().minus(Duration.ofHours(2)), 1_000, 0, 0);
        run(config, "failed", now().minus(Duration.ofHours(1)), 1_000, 0, 0);
        Instant at = now();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<List<Long>>> checkers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            AlertChecks checker = checks();
            checkers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return checker.check(at);
            }));
        }
        List<Long> raised = new ArrayList<>();
        for (CompletableFuture<List<Long>> checker : checkers) {
            raised.addAll(checker.get());
        }
        List<Alert> all = alerts.list(config.customerId(), false, 100, 0);
        assertEquals(3, all.size(), "stale, failing, error rate: " + all);
        assertEquals(all.stream().map(Alert::id).sorted().toList(), raised.stream().sorted().toList(),
                "each alert returned for delivery by exactly one of the two");
    }

    private AlertChecks checks() {
        WorkflowClient client = temporal.client();
        return new AlertChecks(new ConfigHealthDao(db.jdbi()), new AlertDao(db.jdbi()), new ConfigDao(db.jdbi()),
                new ScheduleStop(client));
    }

    private DataSourceConfig config(String frequency, String zone, AlertOptions settings) {
        ConfigOptions options = new ConfigOptions(null, null, null, null, null, null, null, null,
                List.of(receiver.url("/hooks/alerts")), null, null, settings);
        DataSourceConfig config = new ConfigDao(db.jdbi()).create("cust-" + UUID.randomUUID().toString()
                .substring(0, 8), "Main budget", SourceType.LOCAL, true, frequency, zone, Map.of(), options);
        // created before the test's clock starts, so a config that never imported is not stale at once
        db.jdbi().useHandle(h -> h.execute("UPDATE budget_data_source_config SET created_at = ? WHERE id = ?",
                java.sql.Timestamp.from(now().minus(Duration.ofHours(1))), config.id()));
        return config;
    }

    /** A run that started at {@code start} and ended {@code durationMs} later. */
    private String run(DataSourceConfig config, String status, Instant start, long durationMs, long rows,
                       long errors) {
        String syncId = UUID.randomUUID().toString();
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status, start_time,
                                                  end_time, duration_ms, total_rows, error_count)
                        VALUES (:sync, :customer, :config, 'cron', :status, :start, :end, :duration, :rows,
                                :errors)""")
                .bind("sync", syncId).bind("customer", config.customerId()).bind("config", config.id())
                .bind("status", status).bind("start", start).bind("end", start.plusMillis(durationMs))
                .bind("duration", durationMs).bind("rows", rows).bind("errors", errors).execute());
        return syncId;
    }

    private void everyFiveMinutes() {
        startChecks(AlertCheckWorkflow.CRON);
    }

    /** Hourly in the tests that span many hours: the same workflow, fewer runs for the test server to skip through. */
    private void hourly() {
        startChecks("0 * * * *");
    }

    private void startChecks(String cron) {
        WorkflowClient.start(temporal.client().newWorkflowStub(AlertCheckWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AlertCheckWorkflow.WORKFLOW_ID).setTaskQueue(TaskQueues.BUDGET_SYNC)
                .setCronSchedule(cron).build())::check);
    }

    private WorkflowExecutionStatus scheduleStatus(String workflowId) {
        return temporal.client().newUntypedWorkflowStub(workflowId).describe().getStatus();
    }

    private Instant now() {
        return Instant.ofEpochMilli(temporal.server().currentTimeMillis());
    }

    private List<Alert> of(DataSourceConfig config, AlertKind kind) {
        return alerts.list(config.customerId(), false, 100, 0).stream().filter(a -> a.kind() == kind).toList();
    }

    private List<JsonNode> bodies() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.requests()) {
            bodies.add(Json.MAPPER.readTree(request.body()));
        }
        return bodies;
    }

    private List<String> kindsReceived() throws Exception {
        return bodies().stream().map(b -> b.path("alert").asText()).toList();
    }
}
