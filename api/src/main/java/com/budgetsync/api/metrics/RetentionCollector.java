package com.budgetsync.api.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What retention has deleted (the {@code retention_pass} rows, read at each scrape): totals over all passes, and when
 * the last pass finished with the chunk table's size after it, so an alert can tell a retention that stopped running.
 */
public final class RetentionCollector implements MultiCollector {
    private final Jdbi jdbi;

    public RetentionCollector(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT count(finished_at) AS passes, COALESCE(sum(files_purged), 0) AS files,
                       COALESCE(sum(bytes_purged), 0) AS bytes, COALESCE(sum(history_deleted), 0) AS history,
                       COALESCE(extract(epoch FROM max(finished_at)), 0) AS last_finished,
                       (SELECT chunk_bytes_after FROM retention_pass WHERE finished_at IS NOT NULL
                         ORDER BY finished_at DESC LIMIT 1) AS chunk_bytes
                  FROM retention_pass""").mapToMap().one());
        return MetricSnapshots.of(
                counter("budget_sync_retention_passes", "Retention passes finished", row.get("passes")),
                counter("budget_sync_retention_files_purged", "Stored files whose contents retention deleted",
                        row.get("files")),
                counter("budget_sync_retention_purged_bytes", "Bytes of the stored files retention deleted",
                        row.get("bytes")),
                counter("budget_sync_retention_history_deleted", "History rows retention deleted",
                        row.get("history")),
                gauge("budget_sync_retention_last_pass_timestamp_seconds",
                        "When the last retention pass finished (0: never)", row.get("last_finished")),
                gauge("budget_sync_stored_file_chunk_bytes",
                        "Size of the stored files' table (TOAST included) after the last retention pass",
                        row.get("chunk_bytes")));
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static CounterSnapshot counter(String name, String help, Object value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(number(value)).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, Object value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(number(value)).build()).build();
    }
}
