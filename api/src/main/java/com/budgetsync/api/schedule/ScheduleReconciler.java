package com.budgetsync.api.schedule;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.DataSourceConfig;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Temporal in line with every config at start-up, then again every few minutes. The embedded server forgets
 * its workflows on restart and a config change may have found Temporal unreachable; a real cluster that kept
 * everything sees no change. Also keeps {@code next_sync_at} current for readers of the table.
 */
public final class ScheduleReconciler implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleReconciler.class);

    private final ConfigDao configs;
    private final SyncScheduler scheduler;
    private final Duration every;
    private ScheduledExecutorService timer;

    public ScheduleReconciler(ConfigDao configs, SyncScheduler scheduler, Duration every) {
        this.configs = configs;
        this.scheduler = scheduler;
        this.every = every;
    }

    @Override
    public void start() {
        reconcile();
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "schedule-reconciler"));
        timer.scheduleWithFixedDelay(this::reconcile, every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Applies every config; returns how many could not be applied (each is logged). */
    public int reconcile() {
        int failed = 0;
        for (DataSourceConfig config : configs.listAll()) {
            try {
                scheduler.apply(config);
                configs.setNextSyncAt(config.id(), scheduler.nextRun(config).orElse(null));
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("schedule of config {} (customer {}) not applied, will retry in {}: {}", config.id(),
                        config.customerId(), every, e.getMessage());
            }
        }
        try {
            scheduler.removeOrphans((customer, id) -> configs.find(id)
                    .filter(c -> c.customerId().equals(customer)).isPresent());
        } catch (RuntimeException e) {
            failed++;
            LOG.warn("schedules of deleted configs not cleaned up, will retry in {}: {}", every, e.getMessage());
        }
        return failed;
    }
}
