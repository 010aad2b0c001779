package com.budgetsync.api.views;

import com.budgetsync.db.RunProgressDao;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import com.budgetsync.domain.SyncStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * How far a run has got, for a progress bar. {@code step}: "starting" until the import begins (finding, storing,
 * reading the layout and mapping the file), then the importer's own steps, "finished" once the run has ended.
 * {@code rowsRead} counts the file's lines read; for a CSV, {@code percent} is the share of the file read and
 * {@code estimatedRows} the rows it holds as that share suggests (left out for Excel, where the bytes say nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunProgressView(String syncId, String status, String step, long rowsRead, Long estimatedRows,
                              Integer percent, Instant updatedAt) {
    public static RunProgressView of(SyncRecord run, RunProgressDao.Progress progress) {
        if (run.status() != SyncStatus.RUNNING) {
            SyncStats stats = run.stats() == null ? SyncStats.EMPTY : run.stats();
            long rows = stats.totalRows() + stats.errors() + stats.skipped();
            return new RunProgressView(run.syncId(), run.status().dbValue(), "finished", rows, rows, 100,
                    run.endTime());
        }
        if (progress == null) {
            return new RunProgressView(run.syncId(), run.status().dbValue(), "starting", 0, null, null, null);
        }
        Long total = progress.bytesTotal();
        Long read = progress.bytesRead();
        boolean measured = total != null && read != null && total > 0 && read > 0;
        Integer percent = measured ? (int) (100 * read / total) : null;
        Long estimated = measured
                ? Math.max(progress.rowsRead(), Math.round((double) progress.rowsRead() * total / read)) : null;
        return new RunProgressView(run.syncId(), run.status().dbValue(), progress.step(), progress.rowsRead(),
                estimated, percent, progress.updatedAt());
    }
}
