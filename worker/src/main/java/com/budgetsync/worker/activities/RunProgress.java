package com.budgetsync.worker.activities;

import com.budgetsync.db.RunProgressDao;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.worker.ActivityProgress;
import com.budgetsync.worker.importing.ImportProgress;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityWorkerShutdownException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running import's progress as the run page shows it: each step at once, the rows read at most every
 * {@link #REPORT_EVERY_MS} ms (a write per thousand rows would slow the import it reports on), and for CSV the bytes
 * of the stored file read so far, which tell how much is left. Every report is also a heartbeat, with the rows read.
 */
final class RunProgress implements ImportProgress {
    static final long REPORT_EVERY_MS = 250;

    private final RunProgressDao dao;
    private final String syncId;
    private final ActivityExecutionContext activity;
    private final Long bytesTotal;
    private final AtomicLong bytesRead = new AtomicLong();
    private String step = READING;
    private long rows;
    private long lastReport;

    /** @param bytesTotal the file's size when its bytes are read in row order (CSV), else null */
    RunProgress(RunProgressDao dao, String syncId, ActivityExecutionContext activity, Long bytesTotal) {
        this.dao = dao;
        this.syncId = syncId;
        this.activity = activity;
        this.bytesTotal = bytesTotal;
    }

    /** The file, counting the bytes read from the stream opened last (the one the rows come from). */
    FileContent counting(FileContent file) {
        return new FileContent() {
            @Override
            public String filename() {
                return file.filename();
            }

            @Override
            public InputStream open() throws IOException {
                bytesRead.set(0);
                return new FilterInputStream(file.open()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            bytesRead.incrementAndGet();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = super.read(buffer, off, len);
                        if (n > 0) {
                            bytesRead.addAndGet(n);
                        }
                        return n;
                    }
                };
            }
        };
    }

    @Override
    public void step(String step) {
        this.step = step;
        report();
    }

    @Override
    public void rowsRead(long rows) {
        this.rows = rows;
        ActivityProgress.current().rows(rows);
        try {
            activity.heartbeat(Map.of("rows", rows));
        } catch (ActivityWorkerShutdownException stopping) {
            // the worker drains: the import goes on and commits within the grace period
        }
        if (System.currentTimeMillis() - lastReport >= REPORT_EVERY_MS) {
            report();
        }
    }

    private void report() {
        lastReport = System.currentTimeMillis();
        dao.report(syncId, step, rows, bytesTotal == null ? null : Math.min(bytesRead.get(), bytesTotal), bytesTotal);
    }
}
