package com.budgetsync.worker.testing;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Source configs in the class's {@link TestDatabase}, their secrets under a random key, and (but for
 * {@link #withoutTemporal}) the real sync workflow and activities on an in-process Temporal for the whole class: tests
 * store a config and run a sync of it as the schedule or an upload would. Register it after the class's
 * {@link TestDatabase}: {@code @RegisterExtension static final SourceSyncEnvironment syncs =
 * SourceSyncEnvironment.skippingTime(db);} (JUnit orders such fields by {@code @Order}, else by a hash of the name).
 */
public final class SourceSyncEnvironment implements BeforeAllCallback, AfterAllCallback {
    /** Room for the largest hostile archives a test uploads. */
    private static final long MAX_UPLOAD_BYTES = 1 << 23;

    private enum Mode { NO_TEMPORAL, SKIPPING_TIME, REAL_WORKER }

    private final TestDatabase db;
    private final Mode mode;
    /** The database as the worker reaches it. */
    private final Supplier<Jdbi> workerDatabase;
    private final WorkerSettings settings;
    private SourceSecrets secrets;
    private TestWorkflowEnvironment temporal;
    private SyncWorker worker;

    private SourceSyncEnvironment(TestDatabase db, Mode mode, Supplier<Jdbi> workerDatabase, WorkerSettings settings) {
        this.db = db;
        this.mode = mode;
        this.workerDatabase = workerDatabase;
        this.settings = settings;
    }

    /** Only the configs and their key, for tests that poll or call activities themselves. */
    public static SourceSyncEnvironment withoutTemporal(TestDatabase db) {
        return new SourceSyncEnvironment(db, Mode.NO_TEMPORAL, db::jdbi, null);
    }

    /** The workflow and activities on a plain worker; Temporal skips the workflow's waits. */
    public static SourceSyncEnvironment skippingTime(TestDatabase db) {
        return new SourceSyncEnvironment(db, Mode.SKIPPING_TIME, db::jdbi, WorkerSettings.DEFAULT);
    }

    /**
     * The real {@link SyncWorker} (its interceptors and activity slots) under {@code settings}, in real time, for
     * tests of what a whole run does when a source or a file misbehaves.
     */
    public static SourceSyncEnvironment realWorker(TestDatabase db, WorkerSettings settings) {
        return realWorker(db, db::jdbi, settings);
    }

    /** As {@link #realWorker(TestDatabase, WorkerSettings)}, the worker reaching the database another way. */
    public static SourceSyncEnvironment realWorker(TestDatabase db, Supplier<Jdbi> workerDatabase,
                                                   WorkerSettings settings) {
        return new SourceSyncEnvironment(db, Mode.REAL_WORKER, workerDatabase, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (db.jdbi() == null) {
            throw new IllegalStateException("register SourceSyncEnvironment after its TestDatabase: JUnit orders"
                    + " @RegisterExtension fields by @Order, else by a hash of their names");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secrets = new SourceSecrets(new SecretCipher(key));
        if (mode == Mode.SKIPPING_TIME) {
            temporal = TestWorkflowEnvironment.newInstance();
            Worker plain = temporal.newWorker(TaskQueues.BUDGET_SYNC);
            plain.registerWorkflowImplementationTypes(BudgetSyncWorkflowImpl.class);
            plain.registerActivitiesImplementations(
                    SyncWorker.activities(temporal.getWorkflowClient(), workerDatabase.get(), settings, secrets));
            temporal.start();
        } else if (mode == Mode.REAL_WORKER) {
            temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setUseTimeskipping(false).build());
            temporal.start();
            worker = new SyncWorker(temporal.getWorkflowClient(), workerDatabase.get(), settings, secrets);
            worker.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (worker != null) {
            worker.stop();
        }
        if (temporal != null) {
            temporal.close();
        }
    }

    /** The key the configs' secrets are encrypted under, for activities a test calls directly. */
    public SourceSecrets secrets() {
        return secrets;
    }

    /** For reading a run's history. */
    public WorkflowClient client() {
        if (temporal == null) {
            throw new IllegalStateException("SourceSyncEnvironment.withoutTemporal runs no syncs");
        }
        return temporal.getWorkflowClient();
    }

    /** A daily config of the source, its secrets encrypted as the API stores them. */
    public long store(String customer, SourceType type, Map<String, Object> clearConfig) {
        return new ConfigDao(db.jdbi()).create(customer, type.dbValue(), type, true, "daily", "UTC",
                secrets.encrypt(clearConfig), ConfigOptions.DEFAULTS).id();
    }

    /** A manual upload config and {@code content} stored under it as the upload endpoint stores a file. */
    public StoredFile upload(String customer, String filename, byte[] content, ConfigOptions options)
            throws IOException {
        long configId = new ConfigDao(db.jdbi()).create(customer, "upload", SourceType.UPLOAD, true, "manual", "UTC",
                Map.of(), options).id();
        return new FileStore(db.jdbi()).store(customer, configId, filename, new ByteArrayInputStream(content),
                MAX_UPLOAD_BYTES, FileStore.Origin.NONE);
    }

    /** A manual run of the config ({@code fileId}: an uploaded file, or null to poll); a failed run as recorded. */
    public SyncResult sync(String customer, long configId, Long fileId) {
        return run(customer, configId, fileId, TriggeredBy.MANUAL);
    }

    /** The run the upload endpoint starts for the file; a failed run as recorded. */
    public SyncResult syncUpload(StoredFile file) {
        return run(file.customerId(), file.configId(), file.id(), TriggeredBy.API);
    }

    private SyncResult run(String customer, long configId, Long fileId, TriggeredBy triggeredBy) {
        String syncId = UUID.randomUUID().toString();
        BudgetSyncWorkflow workflow = client().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.run(customer, configId, syncId)).build());
        try {
            return workflow.sync(new SyncRequest(customer, configId, triggeredBy, syncId, fileId, false));
        } catch (WorkflowFailedException failed) {
            SyncRecord run = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
            return new SyncResult(syncId, run.status(), run.stats(), run.message());
        }
    }
}
