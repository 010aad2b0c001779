package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code previews:} file previews ({@code /api/mapping/preview}, its grid) are read on a pool of their own, off the
 * API's request threads: {@code concurrency} files at once (more are answered 503 at once), each answered within
 * {@code timeLimitSeconds} (else 422), so a pathological file cannot hold the API.
 */
public class PreviewConfig {
    @Min(1)
    @Max(64)
    @JsonProperty
    private int concurrency = 2;

    @Min(1)
    @Max(600)
    @JsonProperty
    private int timeLimitSeconds = 30;

    public int concurrency() {
        return concurrency;
    }

    public Duration timeLimit() {
        return Duration.ofSeconds(timeLimitSeconds);
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public void setTimeLimitSeconds(int timeLimitSeconds) {
        this.timeLimitSeconds = timeLimitSeconds;
    }
}
