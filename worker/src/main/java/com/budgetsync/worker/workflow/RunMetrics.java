package com.budgetsync.worker.workflow;

import com.budgetsync.domain.SyncStats;
import com.budgetsync.workflow.SyncResult;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * A finished run's metrics, recorded from the workflow: {@code Workflow.getMetricsScope()} stays silent while a run
 * is replayed, so each run counts once however often a worker replays it. They go wherever the worker's Temporal
 * client reports (the process's Dropwizard registry: admin {@code /metrics}, JMX), tagged with namespace, task
 * queue and workflow type like the SDK's own.
 */
final class RunMetrics {
    static final String RUNS = "budget_sync_runs";
    static final String DURATION = "budget_sync_run_duration";
    static final String ROWS_IMPORTED = "budget_sync_rows_imported";

    private RunMetrics() {
    }

    /** Counts the run by status, times it from {@code startedMillis} (workflow time) and adds its imported rows. */
    static void record(SyncResult result, long startedMillis) {
        Scope scope = Workflow.getMetricsScope();
        Scope byStatus = scope.tagged(Map.of("status", result.status().dbValue()));
        byStatus.counter(RUNS).inc(1);
        byStatus.timer(DURATION).record(Duration.ofMillis(Workflow.currentTimeMillis() - startedMillis));
        scope.counter(ROWS_IMPORTED).inc(imported(result.stats()));
    }

    /** Budget lines of the file now active: written, restored, or found unchanged. Row errors are not imported. */
    static long imported(SyncStats stats) {
        return stats.created() + stats.updated() + stats.unchanged() + stats.restored();
    }
}
