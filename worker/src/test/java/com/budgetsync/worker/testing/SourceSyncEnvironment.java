package com.budgetsync.worker.testing;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.worker.workflow.BudgetSyncWorkflowImpl;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real sync workflow and activities on an in-process Temporal for a whole test class, with source secrets under a
 * random key: tests store a source config and run a sync of it as the schedule would. Register it after the class's
 * {@link TestDatabase}: {@code @RegisterExtension static final SourceSyncEnvironment syncs =
 * SourceSyncEnvironment.skippingTime(db);}.
 */
public final class SourceSyncEnvironment implements BeforeAllCallback, AfterAllCallback {
    private final TestDatabase db;
    /** The real {@link SyncWorker}'s settings, or null for a plain worker on a time-skipping server. */
    private final WorkerSettings realWorker;
    private SourceSecrets secrets;
    private TestWorkflowEnvironment temporal;
    private SyncWorker worker;

    private SourceSyncEnvironment(TestDatabase db, WorkerSettings realWorker) {
        this.db = db;
        this.realWorker = realWorker;
    }

    /** The workflow and activities on a plain worker; Temporal skips the workflow's waits. */
    public static SourceSyncEnvironment skippingTime(TestDatabase db) {
        return new SourceSyncEnvironment(db, null);
    }

    /**
     * The real {@link SyncWorker} (its interceptors and activity slots) under {@code settings}, in real time, for
     * tests of what a run does while a source stays silent.
     */
    public static SourceSyncEnvironment realWorker(TestDatabase db, WorkerSettings settings) {
        return new SourceSyncEnvironment(db, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secrets = new SourceSecrets(new SecretCipher(key));
        if (realWorker == null) {
            temporal = TestWorkflowEnvironment.newInstance();
            Worker plain = temporal.newWorker(TaskQueues.BUDGET_SYNC);
            plain.registerWorkflowImplementationTypes(BudgetSyncWorkflowImpl.class);
            plain.registerActivitiesImplementations(
                    SyncWorker.activities(temporal.getWorkflowClient(), db.jdbi(), WorkerSettings.DEFAULT, secrets));
            temporal.start();
        } else {
            temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setUseTimeskipping(false).build());
            temporal.start();
            worker = new SyncWorker(temporal.getWorkflowClient(), db.jdbi(), realWorker, secrets);
            worker.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (worker != null) {
            worker.stop();
        }
        temporal.close();
    }

    /** The key the configs' secrets are encrypted under, for activities a test calls directly. */
    public SourceSecrets secrets() {
        return secrets;
    }

    /** A daily config of the source, its secrets encrypted as the API stores them. */
    public long store(String customer, SourceType type, Map<String, Object> clearConfig) {
        return new ConfigDao(db.jdbi()).create(customer, type.dbValue(), type, true, "daily", "UTC",
                secrets.encrypt(clearConfig), ConfigOptions.DEFAULTS).id();
    }

    /** A manual run of the config ({@code fileId}: an uploaded file, or null to poll); a failed run as recorded. */
    public SyncResult sync(String customer, long configId, Long fileId) {
        String syncId = UUID.randomUUID().toString();
        BudgetSyncWorkflow workflow = temporal.getWorkflowClient().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.run(customer, configId, syncId)).build());
        try {
            return workflow.sync(new SyncRequest(customer, configId, TriggeredBy.MANUAL, syncId, fileId, false));
        } catch (WorkflowFailedException failed) {
            SyncRecord run = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
            return new SyncResult(syncId, run.status(), run.stats(), run.message());
        }
    }
}
