package com.budgetsync.api.metrics;

import com.budgetsync.alerts.FreshnessLimit;
import com.budgetsync.db.ConfigHealthDao;
import com.budgetsync.db.ConfigHealthDao.ConfigHealth;
import com.budgetsync.db.RunFigures;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The specification's figures per customer and config, read from PostgreSQL at each scrape: runs by status, run
 * durations, rows and row errors, seconds since the last success, the freshness limit and the failure streak. Labels
 * are only {@code customer}, {@code config} (its id) and {@code status} (one of the seven run statuses), so the
 * number of series grows with the configs, never with runs, files or errors.
 */
public final class RunCollector implements MultiCollector {
    private final RunFigures figures;
    private final ConfigHealthDao health;
    private final Clock clock;

    public RunCollector(RunFigures figures, ConfigHealthDao health, Clock clock) {
        this.figures = figures;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        CounterSnapshot.Builder runs = CounterSnapshot.builder().name("budget_sync_runs")
                .help("Finished runs by status (success, partial, failed, needs_review, no_new_file, skipped)");
        for (RunFigures.StatusCount count : figures.byStatus()) {
            runs.dataPoint(CounterDataPointSnapshot.builder().value(count.runs())
                    .labels(config(count.customerId(), count.configId()).add("status", count.status())).build());
        }
        HistogramSnapshot.Builder durations = HistogramSnapshot.builder().name("budget_sync_run_duration_seconds")
                .help("Durations of finished runs (skipped runs left out)");
        CounterSnapshot.Builder rows = CounterSnapshot.builder().name("budget_sync_rows")
                .help("Data rows read by finished runs");
        CounterSnapshot.Builder rowErrors = CounterSnapshot.builder().name("budget_sync_row_errors")
                .help("Rows finished runs could not import (row errors)");
        for (RunFigures.ConfigRuns config : figures.perConfig()) {
            Labels labels = config(config.customerId(), config.configId());
            durations.dataPoint(HistogramDataPointSnapshot.builder().labels(labels)
                    .classicHistogramBuckets(buckets(config)).sum(config.durationSeconds()).build());
            rows.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(config.rows()).build());
            rowErrors.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(config.rowErrors()).build());
        }

        GaugeSnapshot.Builder sinceSuccess = GaugeSnapshot.builder().name("budget_sync_seconds_since_last_success")
                .help("Seconds since the config's last successful import ended (success or partial); since it was"
                        + " created when it has none");
        GaugeSnapshot.Builder limit = GaugeSnapshot.builder().name("budget_sync_freshness_limit_seconds")
                .help("Age of the last successful import at which the config's data counts as stale"
                        + " (configs with a schedule or options.alerts.staleAfterHours)");
        GaugeSnapshot.Builder streak = GaugeSnapshot.builder().name("budget_sync_failure_streak")
                .help("Failed runs in a row since the last run that worked");
        GaugeSnapshot.Builder enabled = GaugeSnapshot.builder().name("budget_sync_config_enabled")
                .help("1 while the config runs on its schedule, 0 when disabled or paused");
        Instant now = clock.instant();
        for (ConfigHealth config : health.all()) {
            Labels labels = config(config.config().customerId(), config.config().id());
            Instant since = config.lastSuccessAt() != null ? config.lastSuccessAt() : config.config().createdAt();
            sinceSuccess.dataPoint(gauge(labels, Duration.between(since, now).toMillis() / 1000.0));
            FreshnessLimit.of(config.config()).ifPresent(l -> limit.dataPoint(gauge(labels, l.toSeconds())));
            streak.dataPoint(gauge(labels, config.failureStreak()));
            enabled.dataPoint(gauge(labels, config.config().enabled() ? 1 : 0));
        }
        return MetricSnapshots.of(runs.build(), durations.build(), rows.build(), rowErrors.build(),
                sinceSuccess.build(), limit.build(), streak.build(), enabled.build());
    }

    private static Labels config(String customerId, long configId) {
        return Labels.of("customer", customerId, "config", Long.toString(configId));
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    /** The client library takes each bucket's own count (not cumulative) and requires the +Inf bucket. */
    private static ClassicHistogramBuckets buckets(RunFigures.ConfigRuns config) {
        List<Double> bounds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long below = 0;
        for (int i = 0; i < RunFigures.DURATION_BUCKETS.size(); i++) {
            bounds.add((double) RunFigures.DURATION_BUCKETS.get(i));
            long cumulative = config.bucketCounts().get(i);
            counts.add(cumulative - below);
            below = cumulative;
        }
        bounds.add(Double.POSITIVE_INFINITY);
        counts.add(config.timedRuns() - below);
        return ClassicHistogramBuckets.of(bounds, counts);
    }
}
