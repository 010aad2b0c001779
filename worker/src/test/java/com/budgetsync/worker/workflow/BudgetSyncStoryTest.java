package com.budgetsync.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.testing.TestTemporal;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.DownloadActivity;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.MapOutput;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import com.budgetsync.workflow.RunActivity;
import com.budgetsync.workflow.RunInput;
import com.budgetsync.workflow.RunStart;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each branch of the run's story with fake activities handed to the workflow's constructor: no PostgreSQL, no
 * source, only what the workflow decides and which steps it calls.
 */
class BudgetSyncStoryTest {
    private static final String SYNC_ID = "sync-1";
    private static final RemoteFile REMOTE = new RemoteFile("/out/budget.csv", "budget.csv", 10,
            Instant.parse("2026-01-01T00:00:00Z"), null);
    private static final SyncResult IMPORTED = new SyncResult(SYNC_ID, SyncStatus.SUCCESS,
            new SyncStats(4, 4, 0, 0, 0, 0, 0, 0), "imported");

    private TestWorkflowEnvironment env;
    /** What the fake activities were asked, in order. */
    private final List<String> calls = new ArrayList<>();
    private boolean configHeld;
    private PollResult polled = new PollResult(REMOTE, null);
    private boolean mappingDoubtful;
    private RuntimeException importFails;
    private RuntimeException archiveFails;
    private RuntimeException notifyFails;

    @BeforeEach
    void setUp() {
        env = TestTemporal.environment();
        Worker worker = env.newWorker(TaskQueues.BUDGET_SYNC);
        worker.registerWorkflowImplementationFactory(BudgetSyncWorkflow.class,
                () -> new BudgetSyncWorkflowImpl(fakes()));
        env.start();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void aFileIsImportedArchivedAndNotified() {
        SyncResult result = run();
        assertEquals(IMPORTED, result);
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import", "afterImport", "notify"),
                calls);
    }

    @Test
    void noNewFileIsRecordedAndNothingIsDownloaded() {
        polled = new PollResult(null, "nothing newer than budget.csv");
        SyncResult result = run();
        assertEquals(SyncStatus.NO_NEW_FILE, result.status());
        assertEquals("nothing newer than budget.csv", result.message());
        assertEquals(List.of("startRun", "poll", "finishRun no_new_file: nothing newer than budget.csv", "notify"),
                calls);
    }

    @Test
    void aDoubtfulMappingEndsAsNeedsReviewBeforeAnyImport() {
        mappingDoubtful = true;
        SyncResult result = run();
        assertEquals(SyncStatus.NEEDS_REVIEW, result.status());
        assertEquals("mapping needs review: amount: 2 candidate columns", result.message());
        assertEquals(List.of("startRun", "poll", "download", "parse", "map",
                "finishRun needs_review: mapping needs review: amount: 2 candidate columns", "notify"), calls);
    }

    @Test
    void aFailedImportIsRecordedNotifiedAndFailsTheWorkflow() {
        importFails = activityFailure("budget.csv: no column found for required field amount");
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, this::run);
        assertTrue(String.valueOf(failed.getCause().getMessage())
                .contains("sync sync-1 failed: budget.csv: no column found for required field amount"),
                failed.getCause().getMessage());
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import",
                "finishRun failed: budget.csv: no column found for required field amount", "notify"), calls);
    }

    @Test
    void aFileThatCannotBeArchivedLeavesTheImportStanding() {
        archiveFails = activityFailure("permission denied: /out/archive");
        SyncResult result = run();
        assertEquals(IMPORTED, result);
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import", "afterImport", "notify"),
                calls, "no finishRun: the import recorded the outcome, and an archive failure does not change it");
    }

    @Test
    void anUndeliveredNotificationLeavesTheOutcomeStanding() {
        notifyFails = activityFailure("smtp.example.test: connection refused");
        SyncResult result = run();
        assertEquals(IMPORTED, result);
        assertEquals("notify", calls.get(calls.size() - 1));
    }

    @Test
    void aRunWhileAnotherHoldsTheConfigIsSkipped() {
        configHeld = true;
        SyncResult result = run();
        assertEquals(SyncStatus.SKIPPED, result.status());
        assertEquals(List.of("startRun"), calls, "a skipped run neither polls nor notifies");
    }

    private SyncResult run() {
        BudgetSyncWorkflow workflow = env.getWorkflowClient().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC).setWorkflowId("story-test").build());
        return workflow.sync(new SyncRequest("acme", 1, TriggeredBy.MANUAL, SYNC_ID, null, false));
    }

    /** An activity that failed for good, as Temporal hands it to the workflow. */
    private static ActivityFailure activityFailure(String message) {
        return new ActivityFailure("activity failed", 1, 2, "Fake", "1",
                RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, "fake",
                ApplicationFailure.newNonRetryableFailure(message, "BadInput"));
    }

    private SyncActivities fakes() {
        return new SyncActivities(
                new RunActivity() {
                    @Override
                    public RunStart startRun(RunInput run) {
                        calls.add("startRun");
                        return new RunStart(configHeld ? "other-sync" : null);
                    }

                    @Override
                    public void finishRun(String syncId, SyncStatus status, String message) {
                        calls.add("finishRun " + status.dbValue() + ": " + message);
                    }
                },
                run -> {
                    calls.add("poll");
                    return polled;
                },
                new DownloadActivity() {
                    @Override
                    public FileRef download(RunInput run, RemoteFile file) {
                        calls.add("download");
                        return new FileRef(7, file.name(), file.size(), "sha");
                    }

                    @Override
                    public void afterImport(RunInput run, RemoteFile file) {
                        calls.add("afterImport");
                        if (archiveFails != null) {
                            throw archiveFails;
                        }
                    }
                },
                (run, file) -> {
                    calls.add("parse");
                    return null; // the layout only travels from parse to map and import, which are fakes too
                },
                (run, file, layout) -> {
                    calls.add("map");
                    return new MapOutput(null, mappingDoubtful,
                            mappingDoubtful ? List.of("amount: 2 candidate columns") : List.of(), List.of());
                },
                input -> {
                    calls.add("import");
                    if (importFails != null) {
                        throw importFails;
                    }
                    return IMPORTED;
                },
                syncId -> {
                    calls.add("notify");
                    if (notifyFails != null) {
                        throw notifyFails;
                    }
                });
    }
}
