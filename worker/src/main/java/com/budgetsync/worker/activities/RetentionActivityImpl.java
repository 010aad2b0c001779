package com.budgetsync.worker.activities;

import com.budgetsync.worker.retention.RetentionPass;
import com.budgetsync.workflow.RetentionActivity;
import com.budgetsync.workflow.RetentionReport;
import java.time.Instant;

/** Runs a retention pass; the pass's time keys its record, so a retried attempt adds to the same one. */
public class RetentionActivityImpl implements RetentionActivity {
    private final RetentionPass pass;

    public RetentionActivityImpl(RetentionPass pass) {
        this.pass = pass;
    }

    @Override
    public RetentionReport purge(long passTimeMillis) {
        return pass.run(Instant.ofEpochMilli(passTimeMillis));
    }
}
