package com.budgetsync.runs;

/** Another run of the same config is going: a second one would import beside it. */
public class RunInProgressException extends RuntimeException {
    private final String runningSyncId;

    public RunInProgressException(long configId, String runningSyncId) {
        super("a sync of config " + configId + " is already running: " + runningSyncId);
        this.runningSyncId = runningSyncId;
    }

    public String runningSyncId() {
        return runningSyncId;
    }
}
