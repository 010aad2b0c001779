package com.budgetsync.worker.workflow;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.worker.FailureCatalogue;
import com.budgetsync.workflow.BudgetSyncWorkflow;
import com.budgetsync.workflow.DownloadActivity;
import com.budgetsync.workflow.FileRef;
import com.budgetsync.workflow.ImportActivity;
import com.budgetsync.workflow.ImportInput;
import com.budgetsync.workflow.MapActivity;
import com.budgetsync.workflow.MapOutput;
import com.budgetsync.workflow.NotifyActivity;
import com.budgetsync.workflow.ParseActivity;
import com.budgetsync.workflow.PollActivity;
import com.budgetsync.workflow.PollResult;
import com.budgetsync.workflow.RemoteFile;
import com.budgetsync.workflow.RunActivity;
import com.budgetsync.workflow.RunInput;
import com.budgetsync.workflow.RunStart;
import com.budgetsync.workflow.SyncRequest;
import com.budgetsync.workflow.SyncResult;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;

/**
 * The story of one run: record it, find and store the file, work out its layout and mapping, import, tell people.
 * A run that cannot finish is recorded as failed with its reason and then fails in Temporal too, so the Web UI shows
 * it red (a real cluster starts the next cron tick all the same). Only on the embedded test server, which cannot,
 * a scheduled run asked to ({@link SyncRequest#completeFailedCronRun()}) completes with status failed instead.
 */
public class BudgetSyncWorkflowImpl implements BudgetSyncWorkflow {
    private final RunActivity runs;
    private final PollActivity poller;
    private final DownloadActivity downloader;
    private final ParseActivity parser;
    private final MapActivity mapper;
    private final ImportActivity importer;
    private final NotifyActivity notifier;
    /** Workflow time when this run's code began: after a cron run's wait for its tick, unlike the run's start event. */
    private final long startedMillis = Workflow.currentTimeMillis();

    /** As the worker runs it: every activity scheduled on the task queue. */
    public BudgetSyncWorkflowImpl() {
        this(SyncActivities.stubs());
    }

    /** With the given activities, e.g. fakes in a test. */
    public BudgetSyncWorkflowImpl(SyncActivities activities) {
        this.runs = activities.runs();
        this.poller = activities.poller();
        this.downloader = activities.downloader();
        this.parser = activities.parser();
        this.mapper = activities.mapper();
        this.importer = activities.importer();
        this.notifier = activities.notifier();
    }

    @Override
    public SyncResult sync(SyncRequest request) {
        WorkflowInfo info = Workflow.getInfo();
        String syncId = request.syncId() != null ? request.syncId() : info.getRunId();
        RunInput run = new RunInput(syncId, request.customerId(), request.configId(), request.triggeredBy(),
                info.getWorkflowId(), info.getRunId());
        RunStart start = runs.startRun(run);
        if (!start.started()) {
            // Recorded as skipped by the activity; nobody needs telling, the running sync will report.
            SyncResult skipped = new SyncResult(syncId, SyncStatus.SKIPPED, SyncStats.EMPTY, start.skippedMessage());
            RunMetrics.record(skipped, startedMillis);
            return skipped;
        }
        SyncResult result;
        try {
            result = syncFile(run, request);
        } catch (ActivityFailure failure) {
            String reason = reasonOf(failure);
            runs.finishRun(syncId, SyncStatus.FAILED, reason);
            result = new SyncResult(syncId, SyncStatus.FAILED, SyncStats.EMPTY, reason);
        }
        try {
            notifier.notify(syncId);
        } catch (ActivityFailure undelivered) {
            // A notification that cannot be delivered is recorded by the activity; the run's outcome stands.
        }
        RunMetrics.record(result, startedMillis);
        // The Java test server that `dev` embeds cannot start the next cron run after a failed one
        // (NullPointerException in startNewCronRun): there, and only there, a scheduled run returns its failure.
        boolean completeFailure = request.completeFailedCronRun() && isScheduled(info);
        if (result.status() == SyncStatus.FAILED && !completeFailure) {
            throw ApplicationFailure.newNonRetryableFailure("sync " + syncId + " failed: " + result.message(),
                    "SyncFailed");
        }
        return result;
    }

    private SyncResult syncFile(RunInput run, SyncRequest request) {
        FileRef file;
        RemoteFile remote = null;
        if (request.fileId() != null) {
            file = new FileRef(request.fileId(), null, 0, null);
        } else {
            PollResult polled = poller.poll(run);
            if (!polled.hasFile()) {
                runs.finishRun(run.syncId(), SyncStatus.NO_NEW_FILE, polled.reason());
                return new SyncResult(run.syncId(), SyncStatus.NO_NEW_FILE, SyncStats.EMPTY, polled.reason());
            }
            remote = polled.file();
            file = downloader.download(run, remote);
        }
        TableLayout layout = parser.parse(run, file);
        MapOutput mapped = mapper.map(run, file, layout);
        if (mapped.needsReview()) {
            String reason = "mapping needs review: " + String.join("; ", mapped.problems());
            runs.finishRun(run.syncId(), SyncStatus.NEEDS_REVIEW, reason);
            return new SyncResult(run.syncId(), SyncStatus.NEEDS_REVIEW, SyncStats.EMPTY, reason);
        }
        SyncResult result = importer.importFile(new ImportInput(run, file, layout, mapped.mapping(), request.force()));
        if (remote != null && (result.status() == SyncStatus.SUCCESS || result.status() == SyncStatus.PARTIAL)) {
            archive(run, remote);
        }
        return result;
    }

    /** The import has committed: a source file that cannot be archived stays where it is and is not taken again. */
    private void archive(RunInput run, RemoteFile remote) {
        try {
            downloader.afterImport(run, remote);
        } catch (ActivityFailure failure) {
            Workflow.getLogger(BudgetSyncWorkflowImpl.class).warn("sync {}: imported, but {} was not archived: {}",
                    run.syncId(), remote.name(), reasonOf(failure));
        }
    }

    private static boolean isScheduled(WorkflowInfo info) {
        return info.getCronSchedule() != null && !info.getCronSchedule().isEmpty();
    }

    /**
     * The activity's own words (the innermost application failure: activities fail in words, see
     * FailureCatalogue), not Temporal's wrapping; a step Temporal timed out is said as such.
     */
    static String reasonOf(TemporalFailure failure) {
        String words = null;
        TimeoutFailure timeout = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure app) {
                words = app.getOriginalMessage();
            } else if (cause instanceof TimeoutFailure t && timeout == null) {
                timeout = t;
            }
        }
        if (timeout != null && failure instanceof ActivityFailure activity) {
            return FailureCatalogue.step(activity.getActivityType()) + " " + timedOut(timeout.getTimeoutType())
                    + (words == null ? "" : "; last error: " + words);
        }
        return words != null ? words : failure.getMessage();
    }

    private static String timedOut(TimeoutType type) {
        return switch (type) {
            case TIMEOUT_TYPE_HEARTBEAT -> "stopped making progress (nothing for longer than its heartbeat timeout),"
                    + " on every attempt";
            case TIMEOUT_TYPE_START_TO_CLOSE -> "took longer than its time limit on every attempt";
            case TIMEOUT_TYPE_SCHEDULE_TO_START -> "was not picked up by any worker in time";
            default -> "did not finish in time";
        };
    }
}
