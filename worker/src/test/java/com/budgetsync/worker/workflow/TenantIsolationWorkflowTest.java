package com.budgetsync.worker.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.HistoryFilter;
import com.budgetsync.db.HistorySearch;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.settings.WorkerSettings;
import com.budgetsync.testing.SeedExample;
import com.budgetsync.testing.TemporalTestEnvironment;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.SyncWorker;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import com.budgetsync.workflow.TaskQueues;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workflow started by hand through Temporal (as ops may, following the runbook) with ids that mix two customers:
 * the activities check ownership in PostgreSQL and refuse, so no customer's file or run reaches another customer,
 * and an unknown config fails at once in words, not with a foreign-key violation.
 */
class TenantIsolationWorkflowTest {
    private static final SourceSecrets SECRETS = new SourceSecrets(new SecretCipher(new byte[32]));
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    @RegisterExtension
    final TemporalTestEnvironment temporal = TemporalTestEnvironment.withWorkflows(BudgetSyncWorkflowImpl.class);
    private DataSourceConfig acme;
    private DataSourceConfig globex;
    private StoredFile acmeFile;

    @BeforeEach
    void setUp() throws IOException {
        acme = config("acme-" + UUID.randomUUID().toString().substring(0, 8));
        globex = config("globex-" + UUID.randomUUID().toString().substring(0, 8));
        acmeFile = new FileStore(db.jdbi()).store(acme.customerId(), acme.id(), "acme-budgets.csv",
                new ByteArrayInputStream(SeedExample.CSV.getBytes(StandardCharsets.UTF_8)), 1 << 20,
                FileStore.Origin.NONE);
        temporal.start(SyncWorker.activities(temporal.client(), db.jdbi(), WorkerSettings.DEFAULT, SECRETS));
    }

    @Test
    void anotherCustomersFileIsRefusedAndImportsNowhere() {
        String syncId = UUID.randomUUID().toString();
        assertThrows(WorkflowFailedException.class,
                () -> start(globex.customerId(), globex.id(), syncId, acmeFile.id()));

        SyncRecord run = new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow();
        assertEquals(SyncStatus.FAILED, run.status());
        assertEquals("stored file " + acmeFile.id() + " is not a file of config " + globex.id()
                + ": refused (a run reads only the files its own config received)", run.message());
        assertEquals(0, db.countActiveBudgets(globex.customerId()));
        assertEquals(0, db.countActiveBudgets(acme.customerId()));

        // the same file with its own config imports: the refusal above was about ownership, not the file
        assertEquals(SyncStatus.SUCCESS, start(acme.customerId(), acme.id(), UUID.randomUUID().toString(),
                acmeFile.id()).status());
        assertEquals(4, db.countActiveBudgets(acme.customerId()));
        assertEquals(0, db.countActiveBudgets(globex.customerId()));
    }

    @Test
    void anotherConfigOfTheSameCustomerCannotReadTheFileEither() {
        DataSourceConfig acmeOther = config(acme.customerId());
        String syncId = UUID.randomUUID().toString();
        assertThrows(WorkflowFailedException.class,
                () -> start(acme.customerId(), acmeOther.id(), syncId, acmeFile.id()));
        assertTrue(new SyncHistoryDao(db.jdbi()).find(syncId).orElseThrow().message()
                .startsWith("stored file " + acmeFile.id() + " is not a file of config " + acmeOther.id()));
        assertEquals(0, db.countActiveBudgets(acme.customerId()));
    }

    @Test
    void anotherCustomersConfigIsRefusedBeforeAnythingIsRecorded() {
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> start(globex.customerId(), acme.id(), UUID.randomUUID().toString(), acmeFile.id()));

        assertEquals("config " + acme.id() + " of customer " + globex.customerId() + " not found",
                rootMessage(failed));
        assertEquals(0, history(acme).size());
        assertEquals(0, db.countActiveBudgets(acme.customerId()));
        assertEquals(0, db.countActiveBudgets(globex.customerId()));
    }

    @Test
    void unknownConfigFailsAtOnceInWordsNotSql() {
        long unknown = acme.id() + 1_000_000;
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> start(acme.customerId(), unknown, UUID.randomUUID().toString(), acmeFile.id()));

        assertEquals("config " + unknown + " of customer " + acme.customerId() + " not found", rootMessage(failed));
        ApplicationFailure cause = (ApplicationFailure) rootCause(failed);
        assertTrue(cause.isNonRetryable());
    }

    @Test
    void anotherConfigsRunIdIsNotTakenOver() {
        String acmeSyncId = UUID.randomUUID().toString();
        assertEquals(SyncStatus.SUCCESS, start(acme.customerId(), acme.id(), acmeSyncId, acmeFile.id()).status());
        SyncRecord before = new SyncHistoryDao(db.jdbi()).find(acmeSyncId).orElseThrow();

        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> start(globex.customerId(), globex.id(), acmeSyncId, null));

        assertEquals("sync id " + acmeSyncId + " is another config's run: refused", rootMessage(failed));
        SyncRecord after = new SyncHistoryDao(db.jdbi()).find(acmeSyncId).orElseThrow();
        assertEquals(before.customerId(), after.customerId());
        assertEquals(before.status(), after.status());
        assertEquals(before.message(), after.message());
        assertFalse(history(globex).stream().anyMatch(r -> r.syncId().equals(acmeSyncId)));
    }

    private List<SyncRecord> history(DataSourceConfig config) {
        return new HistorySearch(db.jdbi()).page(HistoryFilter.of(config.customerId(), config.id()), 100, 0);
    }

    private SyncResult start(String customerId, long configId, String syncId, Long fileId) {
        BudgetSyncWorkflow workflow = temporal.client().newWorkflowStub(BudgetSyncWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BUDGET_SYNC)
                        .setWorkflowId(WorkflowIds.run(customerId, configId, syncId)).build());
        return workflow.sync(new SyncRequest(customerId, configId, TriggeredBy.API, syncId, fileId, false));
    }

    private static DataSourceConfig config(String customerId) {
        return new ConfigDao(db.jdbi()).create(customerId, "upload", SourceType.UPLOAD, true, "manual", "UTC",
                Map.of(), ConfigOptions.DEFAULTS);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root instanceof ApplicationFailure app ? app.getOriginalMessage() : root.getMessage();
    }
}
