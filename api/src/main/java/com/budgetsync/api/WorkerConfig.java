package com.budgetsync.api;

import com.budgetsync.settings.AwsSettings;
import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.RetentionSettings;
import com.budgetsync.settings.WorkerSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The in-process worker: on in {@code dev}, off for {@code server} (run {@code worker} processes instead). */
public class WorkerConfig {
    @JsonProperty
    private boolean enabled;

    @Min(1)
    @JsonProperty
    private int maxConcurrentSyncs = WorkerSettings.DEFAULT.maxConcurrentSyncs();

    @Min(1)
    @JsonProperty
    private long maxFileBytes = WorkerSettings.DEFAULT.maxFileBytes();

    @Min(0)
    @JsonProperty
    private int shutdownGraceSeconds = WorkerSettings.DEFAULT.shutdownGraceSeconds();

    /** Days a stored file's contents are kept unless its customer sets its own (retention, issue 19). */
    @Min(1)
    @Max(3650)
    @JsonProperty
    private int fileRetentionDays = RetentionSettings.DEFAULT.fileDays();

    /** Months a run's history row is kept; the audit log is kept regardless. */
    @Min(1)
    @Max(1200)
    @JsonProperty
    private int historyRetentionMonths = RetentionSettings.DEFAULT.historyMonths();

    /** The {@code worker} command's /healthcheck port; 0: none (a worker beside a server would take its 8081). */
    @Min(0)
    @Max(65_535)
    @JsonProperty
    private int healthPort;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setMaxFileBytes(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public int healthPort() {
        return healthPort;
    }

    public int maxConcurrentSyncs() {
        return maxConcurrentSyncs;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public WorkerSettings settings(NotificationSettings notifications, AwsSettings aws) {
        return new WorkerSettings(maxConcurrentSyncs, maxFileBytes, shutdownGraceSeconds, notifications, aws,
                new RetentionSettings(fileRetentionDays, historyRetentionMonths, RetentionSettings.DEFAULT.batch()));
    }
}
