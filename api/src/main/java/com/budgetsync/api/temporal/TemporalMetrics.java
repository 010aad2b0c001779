package com.budgetsync.api.temporal;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.dropwizard.DropwizardConfig;
import io.micrometer.core.instrument.dropwizard.DropwizardMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The Temporal SDK's metrics scope, reporting into a Dropwizard {@link MetricRegistry}: the SDK's own metrics
 * ({@code temporal_request}, {@code temporal_workflow_completed}, …) and the run metrics the workflow emits through
 * {@code Workflow.getMetricsScope()} ({@code budget_sync_runs}, …) land where Dropwizard serves them — the admin
 * port's {@code /metrics} and JMX. The SDK speaks tally; its Micrometer reporter and Micrometer's Dropwizard registry
 * (both already on the classpath through temporal-sdk) carry it over. Names read
 * {@code name.tagKey.tagValue…}, tags sorted, e.g.
 * {@code budget_sync_runs.namespace.default.status.success.task_queue.budget-sync.workflow_type.BudgetSyncWorkflow}.
 */
public final class TemporalMetrics {
    /**
     * tally hands counters and gauges to the registry at this interval (timers at once). /metrics is read on demand,
     * so a short interval keeps it current; the cost is one pass over the SDK's few hundred meters.
     */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private TemporalMetrics() {
    }

    /** A scope for {@code WorkflowServiceStubsOptions.setMetricsScope}; close it with the connection. */
    public static Scope scope(MetricRegistry registry) {
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(new DropwizardMeters(registry)))
                .reportEvery(REPORT_EVERY);
    }

    /** Micrometer meters kept as Dropwizard metrics in {@code registry}. */
    private static final class DropwizardMeters extends DropwizardMeterRegistry {
        private static final DropwizardConfig DEFAULTS = new DropwizardConfig() {
            @Override
            public String prefix() {
                return "dropwizard";
            }

            @Override
            public String get(String key) {
                return null; // every setting at its default
            }
        };

        DropwizardMeters(MetricRegistry registry) {
            super(DEFAULTS, registry, HierarchicalNameMapper.DEFAULT, Clock.SYSTEM);
        }

        /** A gauge whose source is gone shows no value rather than a made-up one. */
        @Override
        protected Double nullGaugeValue() {
            return null;
        }
    }
}
