package com.budgetsync.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.ParseActivity;
import com.budgetsync.workflow.RunInput;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import com.google.protobuf.util.Timestamps;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow on Temporal's time-skipping test server, with the real activities on a real PostgreSQL database. */
class BudgetSyncWorkflowTest {
    private static final String SEED = SeedExample.CSV;

    private static final SourceSecrets SECRETS = new SourceSecrets(new SecretCipher(new byte[32]));
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(BudgetSyncWorkflowImpl.class);
    private DataSourceConfig config;

    @BeforeEach
    void setUp() {
        config = new ConfigDao(db.jdbi()).create("cust-" + UUID.randomUUID().toString().substring(0, 8), "upload",
                SourceType.UPLOAD, true, "manual", "UTC", Map.of(), ConfigOptions.DEFAULTS);
    }

    @Test
    void transientParseFailureIsRetriedAfter2s4s8sAndTheRunSucceeds() {
        List<Long> attemptTimes = new ArrayList<>();
        Object[] activities = SyncWorker.activities(temporal.client(), db.jdbi(), WorkerSettings.DEFAULT, SECRETS);
        ParseActivity realParse = find(activities, ParseActivity.class);
        ParseActivity flakyParse = (run, file) -> {
            attemptTimes.add(temporal.server().currentTimeMillis());
            if (attemptTimes.size() < 4) {
                throw new IllegalStateException("database connection reset (attempt " + attemptTimes.size() + ")");
            }
            return realParse.parse(run, file);
        };
        temporal.start(replace(activities, ParseActivity.class, flakyParse));

        SyncResult result = run(upload(SEED));

        assertEquals(SyncStatus.SUCCESS, result.status());
        assertEquals(4, result.stats().created());
        assertEquals(4, attemptTimes.size(), "three failures, then success on the fourth and last attempt");
        long[] waits = {attemptTimes.get(1) - attemptTimes.get(0), attemptTimes.get(2) - attemptTimes.get(1),
            attemptTimes.get(3) - attemptTimes.get(2)};
        assertBetween(2_000, waits[0]);
        assertBetween(4_000, waits[1]);
        assertBetween(8_000, waits[2]);
        assertParseRetriesInHistory(result.syncId());
        assertEquals(4, db.countActiveBudgets(config.customerId()));
    }

    @Test
    void missingRequiredColumnFailsAtOnceWithItsReasonAndChangesNoBudget() {
        temporal.start(SyncWorker.activities(temporal.client(), db.jdbi(), WorkerSettings.DEFAULT, SECRETS));
        run(upload(SEED));

        // 40 columns: the message names the first 30 and counts the rest.
        String notes = IntStream.rangeClosed(1, 38).mapToObj(i -> "Note " + i).collect(Collectors.joining(","));
        StoredFile bad = store("Department,Sub Category," + notes + "\nEngineering,Software"
                + ",no amounts here".repeat(38) + "\n");
        String syncId = UUID.randomUUID().toString();
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                options(syncId));
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, () -> workflow.sync(
                new SyncRequest(config.customerId(), config.id(), TriggeredBy.API, syncId, bad.id(), false)));

        SyncRecord record = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
        assertEquals(SyncStatus.FAILED, record.status());
        assertTrue(record.message().contains("no column found for required field")
                && record.message().contains("amount"), record.message());
        assertTrue(record.message().contains("Note 28 and 10 more)."), record.message());
        assertEquals(4, db.countActiveBudgets(config.customerId()));
        assertTrue(failed.getCause().getMessage().contains(syncId), "Temporal shows the run red with its sync id");
    }

    @Test
    void unreadableFileFailsWithoutRetryAndChangesNoBudget() {
        List<Integer> attempts = new ArrayList<>();
        Object[] activities = SyncWorker.activities(temporal.client(), db.jdbi(), WorkerSettings.DEFAULT, SECRETS);
        ParseActivity realParse = find(activities, ParseActivity.class);
        ParseActivity countingParse = (RunInput run, FileRef file) -> {
            attempts.add(1);
            return realParse.parse(run, file);
        };
        temporal.start(replace(activities, ParseActivity.class, countingParse));
        run(upload(SEED));
        attempts.clear();

        StoredFile empty = store("\n\n\n");
        String syncId = UUID.randomUUID().toString();
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                options(syncId));
        assertThrows(WorkflowFailedException.class, () -> workflow.sync(
                new SyncRequest(config.customerId(), config.id(), TriggeredBy.API, syncId, empty.id(), false)));

        SyncRecord record = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
        assertEquals(SyncStatus.FAILED, record.status());
        assertTrue(record.message().contains("upload.csv"), "the reason names the file: " + record.message());
        assertEquals(1, attempts.size(), "bad input is not retried");
        assertEquals(4, db.countActiveBudgets(config.customerId()));
    }

    /**
     * What ops see in the Web UI: the Parse activity's started event says attempt 4, 2 + 4 + 8 = 14 s after it was
     * scheduled.
     */
    private void assertParseRetriesInHistory(String syncId) {
        List<HistoryEvent> events = temporal.client()
                .fetchHistory(WorkflowIds.run(config.customerId(), config.id(), syncId)).getEvents();
        HistoryEvent scheduled = events.stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Parse"))
                .findFirst().orElseThrow();
        HistoryEvent started = events.stream().filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
                .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled.getEventId())
                .findFirst().orElseThrow();
        assertEquals(4, started.getActivityTaskStartedEventAttributes().getAttempt());
        assertBetween(14_000, Timestamps.toMillis(started.getEventTime())
                - Timestamps.toMillis(scheduled.getEventTime()));
    }

    private SyncResult run(StoredFile file) {
        String syncId = UUID.randomUUID().toString();
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                options(syncId));
        return workflow.sync(new SyncRequest(config.customerId(), config.id(), TriggeredBy.API, syncId, file.id(),
                false));
    }

    private WorkflowOptions options(String syncId) {
        return WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                .setWorkflowId(WorkflowIds.run(config.customerId(), config.id(), syncId)).build();
    }

    private StoredFile upload(String csv) {
        return store(csv);
    }

    private StoredFile store(String content) {
        try {
            return new FileStore(db.jdbi()).store(config.customerId(), config.id(), "upload.csv",
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20,
                    FileStore.Origin.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T find(Object[] activities, Class<T> type) {
        return Arrays.stream(activities).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static Object[] replace(Object[] activities, Class<?> type, Object replacement) {
        return Arrays.stream(activities).map(a -> type.isInstance(a) ? replacement : a).toArray();
    }

    private static void assertBetween(long expectedMillis, long actualMillis) {
        assertTrue(actualMillis >= expectedMillis && actualMillis < expectedMillis + 1_000,
                "expected a wait of about " + expectedMillis + " ms, was " + actualMillis + " ms");
    }
}
