package com.budgetsync.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.temporal.TemporalConnection;
import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.TaskQueues;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs left {@code running} by a process that was killed (their workflows gone from Temporal, as after a restart
 * of the embedded server), found by the running application: each is closed saying why, its stored file runs again
 * by itself once, and its config takes new runs at once. And an upload refused because its config is busy leaves
 * no stored file behind.
 */
@Timeout(120)
class RunRecoveryTest {
    static final String CSV = "Department,Sub Category,Fiscal Period,Budget Amount,Currency\n"
            + "Engineering,Software,FY2026-Q1,1000.00,USD\nSales,Travel,FY2026-Q1,250.00,USD\n";
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass(c -> c.getTemporal().setRecoverRunsSeconds(1));

    @Test
    void aRunKilledMidImportIsClosedAndItsFileRunsAgainOnce() throws Exception {
        DataSourceConfig config = uploadConfig("recovery-acme");
        StoredFile file = store(config);
        insertRunning("killed-mid-import", config, file, null);

        JsonNode closed = awaitClosed("killed-mid-import");

        assertEquals("failed", closed.path("status").asText());
        assertEquals(RunRecovery.INTERRUPTED + "; its file is run again automatically",
                closed.path("message").asText());
        String again = awaitRecovery("killed-mid-import");
        assertEquals("success", app.awaitRun(again).path("status").asText());
        assertEquals(2, app.db.countActiveBudgets("recovery-acme"));
        RunningApp.Response upload = app.postBytes("/api/sync/upload?customerId=recovery-acme&configId="
                + config.id() + "&filename=next.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, upload.status(), "the config is not blocked: " + upload.body());
    }

    @Test
    void aRecoveryThatIsLostAgainIsClosedButNotRunAgain() throws Exception {
        DataSourceConfig config = uploadConfig("recovery-globex");
        StoredFile file = store(config);
        insertRunning("lost-recovery", config, file, "an-earlier-lost-run");

        JsonNode closed = awaitClosed("lost-recovery");

        assertEquals("failed", closed.path("status").asText());
        assertTrue(closed.path("message").asText().endsWith("not run again automatically (it was itself a"
                + " recovery)"), closed.toString());
        Thread.sleep(2_000); // a few more rounds of recovery
        assertEquals(Optional.empty(), recoveryOf("lost-recovery"));
        assertEquals(0, app.db.countActiveBudgets("recovery-globex"));
    }

    /**
     * A workflow that failed without recording its run (as when the database stays away longer than the retries):
     * the row is closed with the workflow's own last words, and not run again.
     */
    @Test
    void aWorkflowThatEndedWithoutRecordingClosesItsRunWithItsCause() throws Exception {
        DataSourceConfig config = uploadConfig("recovery-hooli");
        StoredFile file = store(config);
        insertRunning("ended-unrecorded", config, file, null);
        long unknownConfig = config.id() + 1_000_000;
        try (TemporalConnection temporal = new TemporalConnection(app.temporal.address(), "default",
                new MetricRegistry())) {
            // fails in its first step, before it records anything: its config is unknown
            String workflowId = "budget-sync-" + config.customerId() + "-" + config.id() + "-ended-unrecorded";
            assertThrows(WorkflowFailedException.class, () -> temporal.client().newWorkflowStub(
                    BudgetSyncWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                            .setWorkflowId(workflowId).build())
                    .sync(new SyncRequest(config.customerId(), unknownConfig, TriggeredBy.API, "other-id", null,
                            false)));
        }

        JsonNode closed = awaitClosed("ended-unrecorded");

        assertEquals("failed", closed.path("status").asText());
        assertEquals("its workflow failed before the outcome could be recorded (the database was unavailable for"
                + " longer than the retries): config " + unknownConfig + " of customer recovery-hooli not found",
                closed.path("message").asText());
        Thread.sleep(2_000);
        assertEquals(Optional.empty(), recoveryOf("ended-unrecorded"));
    }

    @Test
    void anUploadRefusedBecauseTheConfigIsBusyLeavesNoFileBehind() throws Exception {
        DataSourceConfig config = uploadConfig("recovery-initech");
        app.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status)
                VALUES ('busy-now', ?, ?, 'api', 'running')""", config.customerId(), config.id()));

        RunningApp.Response refused = app.postBytes("/api/sync/upload?customerId=recovery-initech&configId="
                + config.id() + "&filename=refused.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertEquals(409, refused.status(), refused.body());
        long filesKept = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM stored_file WHERE config_id = ?").bind(0, config.id()).mapTo(Long.class).one());
        assertEquals(0, filesKept);
    }

    private static DataSourceConfig uploadConfig(String customer) {
        return new ConfigDao(app.db.jdbi()).create(customer, "upload", SourceType.UPLOAD, true, "manual", "UTC",
                Map.of(), ConfigOptions.DEFAULTS);
    }

    private static StoredFile store(DataSourceConfig config) throws Exception {
        return new FileStore(app.db.jdbi()).store(config.customerId(), config.id(), "budgets.csv",
                new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), 1 << 20, FileStore.Origin.NONE);
    }

    /** As a killed process leaves it: running, with its file, two minutes old, its workflow unknown to Temporal. */
    private static void insertRunning(String syncId, DataSourceConfig config, StoredFile file, String recoveredFrom) {
        app.db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO sync_history (sync_id, customer_id, config_id, workflow_id, triggered_by, status,
                                                  file_id, filename, start_time, recovered_from)
                        VALUES (:syncId, :customer, :config, :workflow, 'api', 'running', :file, :filename,
                                now() - interval '2 minutes', :from)""")
                .bind("syncId", syncId).bind("customer", config.customerId()).bind("config", config.id())
                .bind("workflow", "budget-sync-" + config.customerId() + "-" + config.id() + "-" + syncId)
                .bind("file", file.id()).bind("filename", file.filename()).bind("from", recoveredFrom).execute());
    }

    private static JsonNode awaitClosed(String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = app.get("/api/sync/history/" + syncId).json();
            if (!run.path("status").asText().equals("running")) {
                return run;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("sync " + syncId + " still running");
    }

    private static String awaitRecovery(String syncId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> again = recoveryOf(syncId);
            if (again.isPresent()) {
                return again.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sync " + syncId + " was not run again");
    }

    private static Optional<String> recoveryOf(String syncId) {
        return app.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT sync_id FROM sync_history WHERE recovered_from = :id")
                .bind("id", syncId).mapTo(String.class).findOne());
    }
}
