package com.budgetsync.api.core;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.runs.RunInProgressException;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs recorded as {@code running} whose workflow Temporal no longer runs are closed at start-up and then every
 * {@code every}, with a message naming the cause, so their config is not blocked: a workflow Temporal does not know
 * (the embedded server restarted and forgot it, the process was killed) is "interrupted"; a workflow that ended
 * without its outcome recorded (the database was away longer than the retries) gets the cause it ended with; a
 * terminated one says so. An interrupted run whose file is stored is run again once, automatically, with that file:
 * the import is idempotent, and nobody has to send the file again. A run that is itself such a recovery is not
 * recovered again, nor is a run an operator terminated.
 */
public final class RunRecovery implements Managed {
    static final String INTERRUPTED = "interrupted: the process running it stopped before it finished (a restart or"
            + " a crash), and its workflow is gone from Temporal";
    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private final LiveRuns liveRuns;
    private final SyncHistoryDao history;
    private final ConfigDao configs;
    private final FileStore files;
    private final SyncRunner runner;
    private final Duration every;
    private ScheduledExecutorService timer;

    public RunRecovery(LiveRuns liveRuns, SyncHistoryDao history, ConfigDao configs, FileStore files,
                       SyncRunner runner, Duration every) {
        this.liveRuns = liveRuns;
        this.history = history;
        this.configs = configs;
        this.files = files;
        this.runner = runner;
        this.every = every;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "run-recovery"));
        timer.scheduleWithFixedDelay(this::recoverQuietly, 0, every.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    private void recoverQuietly() {
        try {
            recover();
        } catch (RuntimeException e) {
            LOG.warn("running runs not reconciled with Temporal, will retry in {}: {}", every, e.getMessage());
        }
    }

    /** Closes every run without a live workflow; returns how many it closed. */
    public int recover() {
        int closed = 0;
        for (LiveRuns.RunWithoutWorkflow lost : liveRuns.look().withoutWorkflow()) {
            Optional<SyncRecord> run = history.find(lost.syncId());
            if (run.isEmpty()) {
                continue;
            }
            boolean lostByTemporal = lost.workflow().equals(LiveRuns.NOT_FOUND);
            Optional<Rerun> rerun = lostByTemporal ? rerunnable(run.get()) : Optional.empty();
            String message = !lostByTemporal ? ended(lost)
                    : INTERRUPTED + (rerun.isPresent() ? "; its file is run again automatically"
                    : run.get().fileId() != null ? "; not run again automatically (it was itself a recovery)"
                    : "; the next run picks up the source's file again");
            if (!history.finishIfRunning(lost.syncId(), SyncStatus.FAILED, message)) {
                continue; // another process closed it first
            }
            closed++;
            LOG.warn("sync {} of config {} (customer {}) closed: workflow {}", lost.syncId(), lost.configId(),
                    lost.customerId(), lost.workflow());
            rerun.ifPresent(again -> start(run.get(), again));
        }
        return closed;
    }

    /** Why a workflow Temporal still knows ended without recording its run: its own last words when it failed. */
    private String ended(LiveRuns.RunWithoutWorkflow lost) {
        return switch (lost.workflow()) {
            case "terminated" -> "its workflow was terminated in Temporal before it recorded an outcome";
            case "failed" -> "its workflow failed before the outcome could be recorded (the database was"
                    + " unavailable for longer than the retries)" + liveRuns.failureOf(lost).map(": "::concat)
                    .orElse("");
            default -> "its workflow ended (" + lost.workflow() + ") before it recorded an outcome";
        };
    }

    private record Rerun(DataSourceConfig config, StoredFile file) {
    }

    private Optional<Rerun> rerunnable(SyncRecord run) {
        if (run.fileId() == null || run.configId() == null
                || history.recoveredFrom(run.syncId()).isPresent()) {
            return Optional.empty();
        }
        Optional<DataSourceConfig> config = configs.find(run.configId());
        Optional<StoredFile> file = files.find(run.fileId());
        return config.isPresent() && file.isPresent() ? Optional.of(new Rerun(config.get(), file.get()))
                : Optional.empty();
    }

    private void start(SyncRecord lost, Rerun again) {
        try {
            SyncRunner.StartedRun started = runner.start(again.config(), lost.triggeredBy(), again.file(), false);
            history.markRecovery(started.syncId(), lost.syncId());
            LOG.info("sync {} runs {} again as sync {}", lost.syncId(), again.file().filename(), started.syncId());
        } catch (RunInProgressException e) {
            // a newer run of the config is going: it is the one that counts now
            LOG.info("sync {} not run again: config {} is running sync {}", lost.syncId(), again.config().id(),
                    e.runningSyncId());
        }
    }
}
