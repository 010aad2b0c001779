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

    /** What history and the workflow's result say of a run that did not start. */
    public String skippedMessage() {
        return "skipped: sync " + runningSyncId + " of this config was still running";
    }
}
