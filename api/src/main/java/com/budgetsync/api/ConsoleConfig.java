package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code console:} the web console under /console. {@code temporalWebUrl} is the Temporal Web UI as users reach it
 * (TEMPORAL_WEB_URL; docker compose serves it on http://localhost:8088); the run page links each run's workflow there. Empty: no link.
 */
public class ConsoleConfig {
    @JsonProperty
    private String temporalWebUrl;

    public String temporalWebUrl() {
        return temporalWebUrl == null || temporalWebUrl.isBlank() ? null : temporalWebUrl.replaceAll("/+$", "");
    }

    public void setTemporalWebUrl(String temporalWebUrl) {
        this.temporalWebUrl = temporalWebUrl;
    }
}
