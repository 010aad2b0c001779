package com.budgetsync.api.metrics;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Temporal SDK's own metrics ({@code temporal_request}, {@code temporal_workflow_completed}, …) as Prometheus
 * metrics with labels. The SDK already reports them into Dropwizard's registry ({@code temporal/TemporalMetrics}),
 * whose names carry the tags as {@code name.key.value.key.value}; this reads them back into labels (namespace, task
 * queue, workflow and activity type, operation: bounded by the code, not by the data). Counters and meters become
 * counters, gauges gauges, timers summaries in seconds.
 */
public final class TemporalSdkCollector implements MultiCollector {
    private static final String PREFIX = "temporal_";
    private static final double NANOS = 1e9;
    private static final String HELP = "Temporal SDK metric (docs.temporal.io/references/sdk-metrics)";

    private final MetricRegistry registry;

    public TemporalSdkCollector(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, List<Tagged>> byName = new TreeMap<>();
        registry.getMetrics().forEach((name, metric) -> {
            if (name.startsWith(PREFIX)) {
                parse(name).ifPresent(tagged -> byName.computeIfAbsent(tagged.name(), n -> new ArrayList<>())
                        .add(new Tagged(tagged.name(), tagged.labels(), metric)));
            }
        });
        List<MetricSnapshot> snapshots = new ArrayList<>();
        byName.forEach((name, metrics) -> snapshot(name, metrics).ifPresent(snapshots::add));
        return new MetricSnapshots(snapshots);
    }

    /** A metric under its name without tags; the one kind its first instance has (the SDK never mixes them). */
    private static Optional<MetricSnapshot> snapshot(String name, List<Tagged> metrics) {
        Metric first = metrics.get(0).metric();
        if (first instanceof Timer) {
            SummarySnapshot.Builder summary = SummarySnapshot.builder().name(name + "_seconds").help(HELP);
            for (Tagged t : metrics) {
                if (t.metric() instanceof Timer timer) {
                    summary.dataPoint(summary(t.labels(), timer.getCount(), timer.getSnapshot(), NANOS));
                }
            }
            return Optional.of(summary.build());
        }
        if (first instanceof Counting && !(first instanceof Sampling)) {
            CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(HELP);
            for (Tagged t : metrics) {
                if (t.metric() instanceof Counting counting && !(t.metric() instanceof Sampling)) {
                    counter.dataPoint(CounterDataPointSnapshot.builder().labels(t.labels())
                            .value(counting.getCount()).build());
                }
            }
            return Optional.of(counter.build());
        }
        if (first instanceof Sampling) {
            SummarySnapshot.Builder summary = SummarySnapshot.builder().name(name).help(HELP);
            for (Tagged t : metrics) {
                if (t.metric() instanceof Sampling sampling && t.metric() instanceof Counting counting) {
                    summary.dataPoint(summary(t.labels(), counting.getCount(), sampling.getSnapshot(), 1));
                }
            }
            return Optional.of(summary.build());
        }
        if (first instanceof Gauge<?>) {
            GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(HELP);
            for (Tagged t : metrics) {
                if (t.metric() instanceof Gauge<?> g && g.getValue() instanceof Number value) {
                    gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(t.labels())
                            .value(value.doubleValue()).build());
                }
            }
            return Optional.of(gauge.build());
        }
        return Optional.empty();
    }

    private static SummaryDataPointSnapshot summary(Labels labels, long count, Snapshot snapshot, double unit) {
        return SummaryDataPointSnapshot.builder().labels(labels).count(count)
                .quantiles(Quantiles.of(new Quantile(0.5, snapshot.getMedian() / unit),
                        new Quantile(0.95, snapshot.get95thPercentile() / unit),
                        new Quantile(0.99, snapshot.get99thPercentile() / unit)))
                .build();
    }

    /**
     * {@code temporal_request.namespace.default.operation.StartWorkflowExecution} → name and labels; empty when the
     * rest does not split into key/value pairs (a tag value with a dot), rather than a wrong label.
     */
    static Optional<Tagged> parse(String dropwizardName) {
        String[] parts = dropwizardName.split("\\.", -1);
        if (parts.length % 2 != 1) {
            return Optional.empty();
        }
        Labels labels = Labels.EMPTY;
        for (int i = 1; i < parts.length; i += 2) {
            labels = labels.add(PrometheusNaming.sanitizeLabelName(parts[i]), parts[i + 1]);
        }
        return Optional.of(new Tagged(PrometheusNaming.sanitizeMetricName(parts[0]), labels, null));
    }

    record Tagged(String name, Labels labels, Metric metric) {
    }
}
