package com.budgetsync.api.cli;

import com.budgetsync.api.core.SyncRunner;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.TriggeredBy;
import com.budgetsync.workflow.SyncResult;
import io.temporal.client.WorkflowFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One manual run of a local file through the workflow, waited for: stores the file, starts the run, reads history. */
final class FileSync {
    private FileSync() {
    }

    static SyncRecord run(CommandRuntime runtime, DataSourceConfig config, Path path, boolean force)
            throws IOException {
        StoredFile stored;
        try (InputStream in = Files.newInputStream(path)) {
            stored = new FileStore(runtime.jdbi).store(config.customerId(), config.id(),
                    path.getFileName().toString(), in, Long.MAX_VALUE, FileStore.Origin.NONE);
        }
        SyncHistoryDao history = new SyncHistoryDao(runtime.jdbi);
        SyncRunner.StartedRun run = new SyncRunner(runtime.temporal.client(), history)
                .start(config, TriggeredBy.MANUAL, stored, force);
        try {
            runtime.temporal.client().newUntypedWorkflowStub(run.workflowId()).getResult(SyncResult.class);
        } catch (WorkflowFailedException failed) {
            // The run recorded why it failed; the history row tells it.
        }
        return history.find(run.syncId()).orElseThrow();
    }
}
