package com.budgetsync.api;

import com.budgetsync.settings.NotificationSettings;
import com.budgetsync.settings.WorkerSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setMaxFileBytes(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public WorkerSettings settings(NotificationSettings notifications) {
        return new WorkerSettings(maxConcurrentSyncs, maxFileBytes, shutdownGraceSeconds, notifications);
    }
}
