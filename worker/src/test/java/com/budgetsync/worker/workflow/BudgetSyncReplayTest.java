package com.budgetsync.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.testing.TestTemporal;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs in flight must finish on the next deployment: recorded histories of representative runs (under
 * {@code src/test/resources/histories}) are replayed against today's {@link BudgetSyncWorkflowImpl}, and a change
 * that would make it decide differently (a step added, removed or reordered without versioning) fails the build.
 * After an intended, versioned change, record them again:
 * {@code mvn -pl worker -am test -Dtest=BudgetSyncReplayTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbudgetsync.recordHistories=true}.
 */
class BudgetSyncReplayTest {
    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @ParameterizedTest
    @ValueSource(strings = {"success", "needs_review", "failed", "skipped"})
    void recordedRunsReplayOnTodaysWorkflow(String run) throws Exception {
        try (TestWorkflowEnvironment env = TestTemporal.environment()) {
            WorkflowReplayer.replayWorkflowExecutionFromResource("histories/" + run + ".json", env,
                    BudgetSyncWorkflowImpl.class);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "budgetsync.recordHistories", matches = "true")
    void recordHistories() throws Exception {
        record("success", SyncStatus.SUCCESS, fakes -> { });
        record("needs_review", SyncStatus.NEEDS_REVIEW, fakes -> fakes.mappingDoubtful = true);
        record("failed", SyncStatus.FAILED, fakes -> fakes.importFails = ApplicationFailure.newNonRetryableFailure(
                "budget.csv: no column found for required field amount", "BadInput"));
        record("skipped", SyncStatus.SKIPPED, fakes -> fakes.configHeld = true);
    }

    /** Runs the production workflow (its own activity stubs) against fake activities and writes its history. */
    private static void record(String name, SyncStatus expected, Consumer<FakeActivities> setUp) throws Exception {
        FakeActivities fakes = new FakeActivities();
        fakes.polled = new PollResult(FakeActivities.REMOTE, null);
        setUp.accept(fakes);
        try (TestWorkflowEnvironment env = TestTemporal.environment()) {
            Worker worker = env.newWorker(TaskQueues.BUDGET_SYNC);
            worker.registerWorkflowImplementationTypes(BudgetSyncWorkflowImpl.class);
            SyncActivities a = fakes.activities();
            worker.registerActivitiesImplementations(a.runs(), a.poller(), a.downloader(), a.parser(), a.mapper(),
                    a.importer(), a.notifier());
            env.start();
            String workflowId = "budget-sync-acme-1-" + name;
            BudgetSyncWorkflow workflow = env.getWorkflowClient().newWorkflowStub(BudgetSyncWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC).setWorkflowId(workflowId)
                            .build());
            WorkflowClient.start(workflow::sync, new SyncRequest("acme", 1, TriggeredBy.MANUAL,
                    FakeActivities.SYNC_ID, null, false));
            try {
                assertEquals(expected, WorkflowStub.fromTyped(workflow).getResult(
                        SyncResult.class).status());
            } catch (WorkflowFailedException failed) {
                assertEquals(SyncStatus.FAILED, expected, failed.toString()); // a failed manual run fails in Temporal
            }
            Files.createDirectories(HISTORIES);
            Files.writeString(HISTORIES.resolve(name + ".json"),
                    env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
        }
    }
}
