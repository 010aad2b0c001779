package com.budgetsync.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each branch of the run's story with fake activities handed to the workflow's constructor: no PostgreSQL, no
 * source, only what the workflow decides and which steps it calls.
 */
class BudgetSyncStoryTest {
    private final FakeActivities fakes = new FakeActivities();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflow(BudgetSyncWorkflow.class,
            () -> new BudgetSyncWorkflowImpl(fakes.activities()));

    @BeforeEach
    void startWorker() {
        temporal.start();
    }

    @Test
    void aFileIsImportedArchivedAndNotified() {
        SyncResult result = run();
        assertEquals(FakeActivities.IMPORTED, result);
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import", "afterImport", "notify"),
                fakes.calls);
    }

    @Test
    void noNewFileIsRecordedAndNothingIsDownloaded() {
        fakes.polled = new PollResult(null, "nothing newer than budget.csv");
        SyncResult result = run();
        assertEquals(SyncStatus.NO_NEW_FILE, result.status());
        assertEquals("nothing newer than budget.csv", result.message());
        assertEquals(List.of("startRun", "poll", "finishRun no_new_file: nothing newer than budget.csv", "notify"),
                fakes.calls);
    }

    @Test
    void aDoubtfulMappingEndsAsNeedsReviewBeforeAnyImport() {
        fakes.mappingDoubtful = true;
        SyncResult result = run();
        assertEquals(SyncStatus.NEEDS_REVIEW, result.status());
        assertEquals("mapping needs review: amount: 2 candidate columns", result.message());
        assertEquals(List.of("startRun", "poll", "download", "parse", "map",
                "finishRun needs_review: mapping needs review: amount: 2 candidate columns", "notify"), fakes.calls);
    }

    @Test
    void aFailedImportIsRecordedNotifiedAndFailsTheWorkflow() {
        fakes.importFails = activityFailure("budget.csv: no column found for required field amount");
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, this::run);
        assertTrue(String.valueOf(failed.getCause().getMessage())
                .contains("sync sync-1 failed: budget.csv: no column found for required field amount"),
                failed.getCause().getMessage());
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import",
                "finishRun failed: budget.csv: no column found for required field amount", "notify"), fakes.calls);
    }

    @Test
    void aFileThatCannotBeArchivedLeavesTheImportStanding() {
        fakes.archiveFails = activityFailure("permission denied: /out/archive");
        SyncResult result = run();
        assertEquals(FakeActivities.IMPORTED, result);
        assertEquals(List.of("startRun", "poll", "download", "parse", "map", "import", "afterImport", "notify"),
                fakes.calls, "no finishRun: the import recorded the outcome; an archive failure does not change it");
    }

    @Test
    void anUndeliveredNotificationLeavesTheOutcomeStanding() {
        fakes.notifyFails = activityFailure("smtp.example.test: connection refused");
        SyncResult result = run();
        assertEquals(FakeActivities.IMPORTED, result);
        assertEquals("notify", fakes.calls.get(fakes.calls.size() - 1));
    }

    @Test
    void aRunWhileAnotherHoldsTheConfigIsSkipped() {
        fakes.configHeld = true;
        SyncResult result = run();
        assertEquals(SyncStatus.SKIPPED, result.status());
        assertEquals(List.of("startRun"), fakes.calls, "a skipped run neither polls nor notifies");
    }

    private SyncResult run() {
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC).setWorkflowId("story-test")
                        // The fakes run inside the workflow task: on a busy machine the default 10 s could time the
                        // task out and run them twice.
                        .setWorkflowTaskTimeout(Duration.ofSeconds(60)).build());
        return workflow.sync(new SyncRequest("acme", 1, TriggeredBy.MANUAL, FakeActivities.SYNC_ID, null, false));
    }

    /** An activity that failed for good, as Temporal hands it to the workflow. */
    private static ActivityFailure activityFailure(String message) {
        return new ActivityFailure("activity failed", 1, 2, "Fake", "1",
                RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE, "fake",
                ApplicationFailure.newNonRetryableFailure(message, "BadInput"));
    }
}
