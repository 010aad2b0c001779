package com.budgetsync.worker.activities;

import com.budgetsync.db.FileStore;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.workflow.FileRef;

/** Resolves a run's file reference to the stored file. */
final class StoredFiles {
    private StoredFiles() {
    }

    static StoredFile of(FileStore files, FileRef ref) {
        return files.find(ref.fileId()).orElseThrow(() -> BadInput.of("stored file " + ref.fileId() + " not found"));
    }
}
