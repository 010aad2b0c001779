package com.budgetsync.workflow;

/**
 * What {@link RunActivity#startRun} found: the run holds its config, or another run does and this one was recorded
 * as skipped.
 *
 * @param runningSyncId the run that holds the config; null when this run started
 */
public record RunStart(String runningSyncId) {
    public static final RunStart STARTED = new RunStart(null);

    public boolean started() {
        return runningSyncId == null;
    }
}
