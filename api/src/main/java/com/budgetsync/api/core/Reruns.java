package com.budgetsync.api.core;

import com.budgetsync.api.errors.ApiException;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.domain.TriggeredBy;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * New runs of a recorded run. Retry re-runs a failed or needs_review run (after a fix to the source, the config's pins,
 * the database...) with the very file it read, or polling again when it failed before it had one. Approve applies a
 * run the mass-deletion guard held, with the guard skipped once. The old run keeps its record; the new one has its
 * own history. Conflicts are answered as 409 with the reason.
 */
public final class Reruns {
    private static final Set<SyncStatus> RETRYABLE = EnumSet.of(SyncStatus.FAILED, SyncStatus.NEEDS_REVIEW);

    private final ConfigDao configs;
    private final FileStore files;
    private final SyncRunner runner;

    public Reruns(ConfigDao configs, FileStore files, SyncRunner runner) {
        this.configs = configs;
        this.files = files;
        this.runner = runner;
    }

    public SyncRunner.StartedRun retry(SyncRecord old) {
        requireRetryable(old);
        return runner.start(configOf(old), TriggeredBy.MANUAL, old.fileId() == null ? null : fileOf(old), false);
    }

    /** 409 unless the run failed or needs review: for callers that change something before they retry. */
    public void requireRetryable(SyncRecord run) {
        if (!RETRYABLE.contains(run.status())) {
            throw ApiException.conflict("sync " + run.syncId() + " is " + run.status().dbValue()
                    + "; only a failed or needs_review run can be retried", Map.of("status", run.status()));
        }
    }

    public SyncRunner.StartedRun approve(SyncRecord held) {
        if (held.status() != SyncStatus.NEEDS_REVIEW || held.fileId() == null) {
            throw ApiException.conflict("sync " + held.syncId() + " is " + held.status().dbValue()
                    + "; only a run held for review can be approved", Map.of("status", held.status()));
        }
        return runner.start(configOf(held), TriggeredBy.MANUAL, fileOf(held), true);
    }

    /** The run's config; 409 when it was deleted since. */
    public DataSourceConfig configOf(SyncRecord run) {
        return configs.find(run.configId() == null ? -1 : run.configId())
                .orElseThrow(() -> ApiException.conflict("the config of sync " + run.syncId() + " was deleted", null));
    }

    /** The stored file the run read; 409 when it is gone. */
    public StoredFile fileOf(SyncRecord run) {
        return files.find(run.fileId())
                .orElseThrow(() -> ApiException.conflict("the file of sync " + run.syncId()
                        + " is gone (stored files are deleted after the retention period)", null));
    }
}
