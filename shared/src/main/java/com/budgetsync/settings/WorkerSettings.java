package com.budgetsync.settings;


/**
 * How a worker process behaves: how many runs (activities and workflow tasks) it works on at once, how large a
 * file it accepts, how long a shutdown waits for running activities, and where notifications go out.
 */
public record WorkerSettings(int maxConcurrentSyncs, long maxFileBytes, int shutdownGraceSeconds,
                             NotificationSettings notifications) {
    public static final WorkerSettings DEFAULT = new WorkerSettings(5, 200L * 1024 * 1024, 60,
            NotificationSettings.NONE);
}
