package com.budgetsync.worker.workflow;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.parsing.TableLayout;
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
import com.budgetsync.workflow.SyncResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Activities that answer as a test sets them up and note what they were asked, without PostgreSQL or a source:
 * handed to the workflow's constructor ({@link BudgetSyncStoryTest}) or registered on a test worker
 * ({@link BudgetSyncReplayTest}).
 */
final class FakeActivities {
    static final String SYNC_ID = "sync-1";
    static final RemoteFile REMOTE = new RemoteFile("/out/budget.csv", "budget.csv", 10,
            Instant.parse("2026-01-01T00:00:00Z"), null);
    static final SyncResult IMPORTED = new SyncResult(SYNC_ID, SyncStatus.SUCCESS,
            new SyncStats(4, 4, 0, 0, 0, 0, 0, 0), "imported");

    /** What the activities were asked, in order. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    boolean configHeld;
    PollResult polled = new PollResult(REMOTE, null);
    boolean mappingDoubtful;
    RuntimeException importFails;
    RuntimeException archiveFails;
    RuntimeException notifyFails;

    SyncActivities activities() {
        return new SyncActivities(new Runs(), new Poller(), new Downloader(), new Parser(), new Mapper(),
                new Importer(), new Notifier());
    }

    private final class Runs implements RunActivity {
        @Override
        public RunStart startRun(RunInput run) {
            calls.add("startRun");
            return new RunStart(configHeld ? "other-sync" : null);
        }

        @Override
        public void finishRun(String syncId, SyncStatus status, String message) {
            calls.add("finishRun " + status.dbValue() + ": " + message);
        }
    }

    private final class Poller implements PollActivity {
        @Override
        public PollResult poll(RunInput run) {
            calls.add("poll");
            return polled;
        }
    }

    private final class Downloader implements DownloadActivity {
        @Override
        public FileRef download(RunInput run, RemoteFile file) {
            calls.add("download");
            return new FileRef(7, file.name(), file.size(), "sha");
        }

        @Override
        public void afterImport(RunInput run, RemoteFile file) {
            calls.add("afterImport");
            if (archiveFails != null) {
                throw archiveFails;
            }
        }
    }

    private final class Parser implements ParseActivity {
        @Override
        public TableLayout parse(RunInput run, FileRef file) {
            calls.add("parse");
            return null; // the layout only travels from parse to map and import, which are fakes too
        }
    }

    private final class Mapper implements MapActivity {
        @Override
        public MapOutput map(RunInput run, FileRef file, TableLayout layout) {
            calls.add("map");
            return new MapOutput(null, mappingDoubtful,
                    mappingDoubtful ? List.of("amount: 2 candidate columns") : List.of(), List.of(), List.of());
        }
    }

    private final class Importer implements ImportActivity {
        @Override
        public SyncResult importFile(ImportInput input) {
            calls.add("import");
            if (importFails != null) {
                throw importFails;
            }
            return IMPORTED;
        }
    }

    private final class Notifier implements NotifyActivity {
        @Override
        public void notify(String syncId) {
            calls.add("notify");
            if (notifyFails != null) {
                throw notifyFails;
            }
        }
    }
}
