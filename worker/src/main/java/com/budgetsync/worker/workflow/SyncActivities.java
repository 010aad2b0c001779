package com.budgetsync.worker.workflow;

import com.budgetsync.workflow.DownloadActivity;
import com.budgetsync.workflow.ImportActivity;
import com.budgetsync.workflow.MapActivity;
import com.budgetsync.workflow.NotifyActivity;
import com.budgetsync.workflow.ParseActivity;
import com.budgetsync.workflow.PollActivity;
import com.budgetsync.workflow.RunActivity;
import io.temporal.workflow.Workflow;

/**
 * The activities one run calls. In production they are Temporal stubs with the profiles of {@link ActivityProfiles};
 * tests hand the workflow fakes instead, so each branch of the story runs without PostgreSQL or a source.
 */
public record SyncActivities(RunActivity runs, PollActivity poller, DownloadActivity downloader, ParseActivity parser,
                             MapActivity mapper, ImportActivity importer, NotifyActivity notifier) {
    /** Stubs that schedule each activity on the task queue; call from workflow code only. */
    public static SyncActivities stubs() {
        return new SyncActivities(
                Workflow.newActivityStub(RunActivity.class, ActivityProfiles.BOOKKEEPING),
                Workflow.newActivityStub(PollActivity.class, ActivityProfiles.SHORT),
                Workflow.newActivityStub(DownloadActivity.class, ActivityProfiles.LONG),
                Workflow.newActivityStub(ParseActivity.class, ActivityProfiles.LONG_IN_DATABASE),
                Workflow.newActivityStub(MapActivity.class, ActivityProfiles.LONG_IN_DATABASE),
                Workflow.newActivityStub(ImportActivity.class, ActivityProfiles.LONG_IN_DATABASE),
                Workflow.newActivityStub(NotifyActivity.class, ActivityProfiles.SHORT));
    }
}
