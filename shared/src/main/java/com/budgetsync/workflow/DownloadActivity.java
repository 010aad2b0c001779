package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/** Streams a source file into the file store, so every later step (and retry) reads the same bytes. */
@ActivityInterface
public interface DownloadActivity {
    FileRef download(RunInput run, RemoteFile file);

    /**
     * Archives or deletes the source file as the config's {@code afterImport} says; called only once the file's
     * import committed, so a failed run never loses its file.
     */
    void afterImport(RunInput run, RemoteFile file);
}
