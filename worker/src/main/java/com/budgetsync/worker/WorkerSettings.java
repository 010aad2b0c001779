package com.budgetsync.worker;

/**
 * How a worker process behaves: how many runs (activities and workflow tasks) it works on at once, how large a
 * file it accepts, and how long a shutdown waits for running activities.
 */
public record WorkerSettings(int maxConcurrentSyncs, long maxFileBytes, int shutdownGraceSeconds) {
    public static final WorkerSettings DEFAULT = new WorkerSettings(5, 200L * 1024 * 1024, 60);
}
