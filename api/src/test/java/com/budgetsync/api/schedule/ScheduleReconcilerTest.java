package com.budgetsync.api.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.budgetsync.api.temporal.EmbeddedTemporal;
import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.Frequency;
import com.budgetsync.domain.SourceType;
import com.budgetsync.testing.TestDatabase;
import com.codahale.metrics.MetricRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded server forgets every workflow when it restarts; the API's reconcile at start-up brings each enabled
 * config's schedule back, and on a server that kept them it changes nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScheduleReconcilerTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void reconcileAfterARestartOfTheEmbeddedServerRestoresEveryEnabledSchedule() throws Exception {
        ConfigDao configs = new ConfigDao(db.jdbi());
        DataSourceConfig every4h = create(configs, SourceType.SFTP, true, "every_4_hours");
        DataSourceConfig quarterHour = create(configs, SourceType.S3, true, "*/15 * * * *");
        DataSourceConfig disabled = create(configs, SourceType.SFTP, false, "daily");
        DataSourceConfig manual = create(configs, SourceType.HTTPS, true, "manual");
        DataSourceConfig upload = create(configs, SourceType.UPLOAD, true, "every_4_hours");

        EmbeddedTemporal first = EmbeddedTemporal.startOnFreePort();
        int port = Integer.parseInt(first.address().substring(first.address().lastIndexOf(':') + 1));
        try (TemporalConnection before = new TemporalConnection(first.address(), "default", new MetricRegistry())) {
            assertEquals(new ScheduleReconciler.Pass(5, 0), reconciler(configs, before.client()).reconcile(),
                    "the first pass applies every config, with or without a schedule");
            assertEquals(Frequency.cronOf("every_4_hours", every4h.id()).orElseThrow(),
                    ScheduleWorkflows.runningCron(before.client(), every4h));
        }
        first.close();

        try (EmbeddedTemporal second = EmbeddedTemporal.start(port);
             TemporalConnection after = new TemporalConnection(second.address(), "default", new MetricRegistry())) {
            assertThrows(WorkflowNotFoundException.class, () -> ScheduleWorkflows.describe(after.client(), every4h),
                    "the restarted server knows nothing");
            ScheduleReconciler reconciler = reconciler(configs, after.client());

            assertEquals(new ScheduleReconciler.Pass(2, 0), reconciler.reconcile(),
                    "only the two configs whose workflows the restart lost are applied again");

            assertEquals(Frequency.cronOf("every_4_hours", every4h.id()).orElseThrow(),
                    ScheduleWorkflows.runningCron(after.client(), every4h));
            assertEquals("*/15 * * * *", ScheduleWorkflows.runningCron(after.client(), quarterHour));
            for (DataSourceConfig unscheduled : new DataSourceConfig[] {disabled, manual, upload}) {
                assertThrows(WorkflowNotFoundException.class, () -> ScheduleWorkflows.describe(after.client(), unscheduled));
            }
            Instant next = configs.find(every4h.id()).orElseThrow().nextSyncAt();
            assertNotNull(next, "next_sync_at is kept for readers of the table");
            assertEquals(new CronSchedule(Frequency.cronOf("every_4_hours", every4h.id()).orElseThrow(), ZoneOffset.UTC)
                    .nextAfter(Instant.now()), next, "the config's own tick, offset within the 4 hours");
            assertNull(configs.find(manual.id()).orElseThrow().nextSyncAt());

            String runId = ScheduleWorkflows.describe(after.client(), every4h).getExecution().getRunId();
            assertEquals(new ScheduleReconciler.Pass(0, 0), reconciler.reconcile(), "nothing changed, nothing applied");
            assertEquals(runId, ScheduleWorkflows.describe(after.client(), every4h).getExecution().getRunId(),
                    "a schedule that matches its config is left alone");

            // changed while Temporal was unreachable: the saved config no longer matches what was applied
            configs.update(new DataSourceConfig(every4h.id(), every4h.customerId(), every4h.name(), every4h.sourceType(),
                    true, "hourly", "UTC", every4h.sourceConfig(), every4h.options(), null, null, null, null, null));
            assertEquals(new ScheduleReconciler.Pass(1, 0), reconciler.reconcile());
            assertEquals(Frequency.cronOf("hourly", every4h.id()).orElseThrow(),
                    ScheduleWorkflows.runningCron(after.client(), every4h));

            configs.delete(quarterHour.id());
            assertEquals(new ScheduleReconciler.Pass(0, 0), reconciler.reconcile());
            assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
                    ScheduleWorkflows.describe(after.client(), quarterHour).getStatus(), "a deleted config's schedule is stopped");
        }
    }

    private static ScheduleReconciler reconciler(ConfigDao configs, WorkflowClient client) {
        return new ScheduleReconciler(configs, new TemporalCronScheduler(client, false, true, Clock.systemUTC()),
                Duration.ofMinutes(5), 8);
    }

    private static DataSourceConfig create(ConfigDao configs, SourceType type, boolean enabled, String frequency) {
        return configs.create("reconcile", type.dbValue(), type, enabled, frequency, "UTC", Map.of(),
                ConfigOptions.DEFAULTS);
    }
}
