package com.budgetsync.worker.importing;

/**
 * What the importer tells about itself while it works: each step as it begins, and the rows read so far every
 * {@link #ROWS_EVERY} rows. The activity turns these into heartbeats and the run's progress row.
 */
public interface ImportProgress {
    int ROWS_EVERY = 1_000;

    String READING = "reading rows";
    String COMPARING = "comparing with the budgets";
    String APPLYING = "applying the changes";

    /** A caller that only keeps the activity alive (a dry run) has no use for steps. */
    default void step(String step) {
    }

    void rowsRead(long rows);
}
