package com.budgetsync.worker.importing;

import java.util.List;

/**
 * Where {@link StagedRows} copies a file's budget rows: the {@code import_rows} staging table, each row numbered by its
 * source row, or, on a customer's first load, {@code budget} itself, each row followed by the same customer, config
 * and sync. Both take the normalised fields in one order, so one writer serves both.
 */
record CopyTarget(String copySql, boolean numbered, List<Object> constants) {
    private static final String FIELDS = "department, department_key, sub_category, sub_category_key, fiscal_period, "
            + "period_type, period_start, period_end, period_label, amount, currency";

    static CopyTarget staging() {
        return new CopyTarget("COPY import_rows (source_row, " + FIELDS + ") FROM STDIN (FORMAT text)", true,
                List.of());
    }

    /** A created budget records the sync that created it (the history keeps the file); the audit log holds changes. */
    static CopyTarget budget(ImportJob job) {
        return new CopyTarget("COPY budget (" + FIELDS + ", customer_id, source_config_id, last_sync_id, "
                + "created_sync_id) FROM STDIN (FORMAT text)", false,
                List.of(job.customerId(), job.configId(), job.syncId(), job.syncId()));
    }
}
