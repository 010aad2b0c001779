package com.budgetsync.worker.activities;

import com.budgetsync.db.FileStore;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.workflow.FileRef;

/** Resolves a run's file reference to the stored file, if it is a file of the run's own config. */
final class StoredFiles {
    private StoredFiles() {
    }

    /**
     * The owner is read from the database, not taken from the workflow's input: a workflow started by hand (the
     * runbook shows how) with another customer's file id must not import that customer's file into this one.
     */
    static StoredFile of(FileStore files, FileRef ref, DataSourceConfig config) {
        StoredFile file = files.find(ref.fileId())
                .orElseThrow(() -> BadInput.of("stored file " + ref.fileId() + " not found"));
        boolean ours = file.customerId().equals(config.customerId())
                && (file.configId() == null || file.configId() == config.id());
        if (!ours) {
            throw BadInput.of("stored file " + ref.fileId() + " is not a file of config " + config.id()
                    + ": refused (a run reads only the files its own config received)");
        }
        return file;
    }
}
