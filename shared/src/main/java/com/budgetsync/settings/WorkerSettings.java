package com.budgetsync.settings;


/**
 * How a worker process behaves: how many runs (activities and workflow tasks) it works on at once, how large a
 * file it accepts, how long a shutdown waits for running activities, where notifications go out, the AWS
 * defaults of s3 sources, and how long stored files and history are kept.
 */
public record WorkerSettings(int maxConcurrentSyncs, long maxFileBytes, int shutdownGraceSeconds,
                             NotificationSettings notifications, AwsSettings aws, RetentionSettings retention) {
    public static final WorkerSettings DEFAULT = new WorkerSettings(5, 200L * 1024 * 1024, 60,
            NotificationSettings.NONE, AwsSettings.NONE, RetentionSettings.DEFAULT);

    public WorkerSettings(int maxConcurrentSyncs, long maxFileBytes, int shutdownGraceSeconds,
                          NotificationSettings notifications, AwsSettings aws) {
        this(maxConcurrentSyncs, maxFileBytes, shutdownGraceSeconds, notifications, aws, RetentionSettings.DEFAULT);
    }
}
