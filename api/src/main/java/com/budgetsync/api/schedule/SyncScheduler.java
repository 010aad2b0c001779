package com.budgetsync.api.schedule;

import com.budgetsync.domain.DataSourceConfig;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Keeps a config's scheduled runs in line with the config. Temporal cron workflows implement it today because the
 * embedded server has no Schedules API; a Schedules-based implementation would replace one class.
 */
public interface SyncScheduler {
    /** Starts, replaces or stops the config's scheduled runs so that they match it; changes nothing if they do. */
    void apply(DataSourceConfig config);

    /** Stops the config's scheduled runs: the config is being deleted. */
    void remove(DataSourceConfig config);

    /**
     * Stops scheduled runs of configs that no longer exist (deleted while the scheduler was unreachable);
     * {@code configExists} answers for a customer id and config id.
     */
    void removeOrphans(BiPredicate<String, Long> configExists);

    /** When the config's next scheduled run is due; empty when it has none (disabled, manual, upload). */
    Optional<Instant> nextRun(DataSourceConfig config);
}
