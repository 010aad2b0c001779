package com.budgetsync.api.schedule;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.DataSourceConfig;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Temporal in line with every config, in the background from start-up on (the API answers meanwhile), then
 * every few minutes. The embedded server forgets its workflows on restart and a config change may have found
 * Temporal unreachable. A pass costs one listing of open workflows and one query: only configs whose wanted schedule
 * differs from what was last applied (the database keeps it), or whose workflow is missing or left over, are
 * applied, several at once. Also keeps {@code next_sync_at} current for readers of the table.
 */
public final class ScheduleReconciler implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleReconciler.class);

    private final ConfigDao configs;
    private final SyncScheduler scheduler;
    private final Duration every;
    private final int parallelism;
    private ScheduledExecutorService timer;

    public ScheduleReconciler(ConfigDao configs, SyncScheduler scheduler, Duration every, int parallelism) {
        this.configs = configs;
        this.scheduler = scheduler;
        this.every = every;
        this.parallelism = parallelism;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "schedule-reconciler"));
        timer.scheduleWithFixedDelay(this::reconcileLogged, 0, every.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** What a pass did: configs it applied to Temporal, and how many of those (or the orphan clean-up) failed. */
    public record Pass(int applied, int failed) {
    }

    /** Applies every config that is out of line; failures are logged and tried again on the next pass. */
    public Pass reconcile() {
        Set<String> open = scheduler.openIds();
        Map<Long, String> applied = configs.appliedSchedules();
        List<DataSourceConfig> all = configs.listAll();
        List<DataSourceConfig> outOfLine = all.stream().filter(config -> !inLine(config, applied, open)).toList();
        int failed = applyAll(outOfLine, open);
        Map<Long, Instant> next = new HashMap<>();
        all.forEach(config -> next.put(config.id(), scheduler.nextRun(config).orElse(null)));
        configs.setNextSyncAt(next);
        try {
            Map<Long, String> customerOf = new HashMap<>();
            all.forEach(config -> customerOf.put(config.id(), config.customerId()));
            scheduler.removeOrphans(open, (customer, id) -> customer.equals(customerOf.get(id)));
        } catch (RuntimeException e) {
            failed++;
            LOG.warn("schedules of deleted configs not cleaned up, will retry in {}: {}", every, e.getMessage());
        }
        return new Pass(outOfLine.size(), failed);
    }

    /** What was applied last is still wanted, and a workflow runs exactly when a schedule is wanted. */
    private boolean inLine(DataSourceConfig config, Map<Long, String> applied, Set<String> open) {
        String wanted = scheduler.wanted(config);
        return wanted.equals(applied.get(config.id())) && wanted.isEmpty() != scheduler.isOpen(config, open);
    }

    private int applyAll(List<DataSourceConfig> outOfLine, Set<String> open) {
        if (outOfLine.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, outOfLine.size()),
                r -> new Thread(r, "schedule-apply"));
        Map<Long, String> applied = new ConcurrentHashMap<>();
        int failed = 0;
        try {
            for (Future<Boolean> done : pool.invokeAll(outOfLine.stream()
                    .map(config -> applyTask(config, open, applied)).toList())) {
                failed += done.get() ? 0 : 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outOfLine.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            configs.setAppliedSchedules(applied);
        }
        LOG.info("schedules applied for {} configs in {} ms ({} not applied)", outOfLine.size(),
                (System.nanoTime() - started) / 1_000_000, failed);
        return failed;
    }

    private Callable<Boolean> applyTask(DataSourceConfig config, Set<String> open, Map<Long, String> applied) {
        return () -> {
            try {
                scheduler.apply(config, open);
                applied.put(config.id(), scheduler.wanted(config));
                return true;
            } catch (RuntimeException e) {
                LOG.warn("schedule of config {} (customer {}) not applied, will retry in {}: {}", config.id(),
                        config.customerId(), every, e.getMessage());
                return false;
            }
        };
    }

    /** A pass on the timer: an unreachable Temporal is logged and tried again next time, never kills the timer. */
    private void reconcileLogged() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("schedules not reconciled, will retry in {}: {}", every, e.getMessage());
        }
    }
}
