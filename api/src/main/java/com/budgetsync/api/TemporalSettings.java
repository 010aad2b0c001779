package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/** Where Temporal is ({@code TEMPORAL_ADDRESS} in config.yml); dev and sync-file start an embedded one without it. */
public class TemporalSettings {
    public static final String DEFAULT_ADDRESS = "127.0.0.1:7233";

    @JsonProperty
    private String address;

    @NotBlank
    @JsonProperty
    private String namespace = "default";

    /** The address in force: the configured one, else 127.0.0.1:7233. */
    public String address() {
        return isExternal() ? address : DEFAULT_ADDRESS;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** True when the user pointed us at a Temporal of their own. */
    @JsonIgnore
    public boolean isExternal() {
        return address != null && !address.isBlank();
    }

    /** Whether the server reads {@code CRON_TZ=} in cron schedules; dev turns it off for the embedded server. */
    @JsonProperty
    private boolean cronTimeZones = true;

    /**
     * Whether a failed scheduled run completes (status failed in its result) instead of failing in Temporal. Only for
     * the embedded test server, which cannot start the next cron run after a failed one; dev and the tests set it.
     */
    @JsonProperty
    private boolean completeFailedCronRuns = false;

    public boolean completeFailedCronRuns() {
        return completeFailedCronRuns;
    }

    public void setCompleteFailedCronRuns(boolean completeFailedCronRuns) {
        this.completeFailedCronRuns = completeFailedCronRuns;
    }

    /** How often the API re-applies every config's schedule (after start-up, which always does). */
    @Min(10)
    @JsonProperty
    private int reconcileSeconds = 300;

    /** How many configs' schedules are applied at once when many differ (first start, a restarted embedded server). */
    @Min(1)
    @JsonProperty
    private int reconcileParallelism = 8;

    /** How often the API closes runs whose workflow is gone and runs their stored file again (RunRecovery). */
    @Min(1)
    @JsonProperty
    private int recoverRunsSeconds = 30;

    public Duration recoverRunsEvery() {
        return Duration.ofSeconds(recoverRunsSeconds);
    }

    public void setRecoverRunsSeconds(int seconds) {
        this.recoverRunsSeconds = seconds;
    }

    public String namespace() {
        return namespace;
    }

    public boolean cronTimeZones() {
        return cronTimeZones;
    }

    public void setCronTimeZones(boolean cronTimeZones) {
        this.cronTimeZones = cronTimeZones;
    }

    public int reconcileParallelism() {
        return reconcileParallelism;
    }

    public Duration reconcileEvery() {
        return Duration.ofSeconds(reconcileSeconds);
    }

    /**
     * Whether the API keeps the alert-check cron workflow running (docs/operations.md#alerts). On by default; the
     * tests' application turns it off so that no check at a 5-minute boundary sends alerts to a test's receivers.
     */
    @JsonProperty
    private boolean alertChecks = true;

    public boolean alertChecks() {
        return alertChecks;
    }

    public void setAlertChecks(boolean alertChecks) {
        this.alertChecks = alertChecks;
    }

    /**
     * Whether the API keeps the daily retention workflow running (docs/operations.md#retention). On by default; the
     * tests' application turns it off, as it does the alert checks.
     */
    @JsonProperty
    private boolean retention = true;

    public boolean retention() {
        return retention;
    }

    public void setRetention(boolean retention) {
        this.retention = retention;
    }
}
