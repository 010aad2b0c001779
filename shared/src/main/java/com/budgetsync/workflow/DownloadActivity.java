package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/** Streams a source file into the file store, so every later step (and retry) reads the same bytes. */
@ActivityInterface
public interface DownloadActivity {
    FileRef download(RunInput run, RemoteFile file);
}
