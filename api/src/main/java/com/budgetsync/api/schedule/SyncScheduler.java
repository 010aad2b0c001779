package com.budgetsync.api.schedule;

import com.budgetsync.domain.DataSourceConfig;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Keeps a config's scheduled runs in line with the config. Temporal cron workflows implement it today because the
 * embedded server has no Schedules API; a Schedules-based implementation would replace one class.
 */
public interface SyncScheduler {
    /** Starts, replaces or stops the config's scheduled runs so that they match it; changes nothing if they do. */
    void apply(DataSourceConfig config);

    /**
     * {@link #apply} for a reconcile that has just listed the open workflows ({@link #openIds}): a config whose
     * workflow is not open is started without asking the scheduler about it first.
     */
    void apply(DataSourceConfig config, Set<String> openIds);

    /** Stops the config's scheduled runs: the config is being deleted. */
    void remove(DataSourceConfig config);

    /** The schedule the config asks for, as the scheduler writes it; "" when it has none. */
    String wanted(DataSourceConfig config);

    /** Whether the config's scheduled runs are running now, according to {@code openIds}. */
    boolean isOpen(DataSourceConfig config, Set<String> openIds);

    /** The ids of every open sync workflow, read in one paged listing (not one call per config). */
    Set<String> openIds();

    /**
     * Stops scheduled runs, among {@code openIds}, of configs that no longer exist (deleted while the scheduler was
     * unreachable); {@code configExists} answers for a customer id and config id.
     */
    void removeOrphans(Set<String> openIds, BiPredicate<String, Long> configExists);

    /** When the config's next scheduled run is due; empty when it has none (disabled, manual, upload). */
    Optional<Instant> nextRun(DataSourceConfig config);
}
