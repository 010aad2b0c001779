package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.core.SystemStatus;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.ScheduledReporter;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.metrics.common.MetricsFactory;
import io.dropwizard.metrics.common.ReporterFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code worker [config.yml]}: a worker process alone, against the Temporal at TEMPORAL_ADDRESS. On SIGTERM it stops
 * polling, lets running activities finish within {@code worker.shutdownGraceSeconds}, then exits; a run cut off
 * resumes on another worker.
 *
 * <p>With {@code worker.healthPort} ({@code WORKER_HEALTH_PORT}) it answers {@code GET /healthcheck} there and
 * nothing else ({@link WorkerHealthEndpoint}). Its metrics (Temporal SDK, runs, connection pool, JVM) are in the
 * bootstrap's registry, which Dropwizard publishes over JMX, and go to the reporters configured under
 * {@code metrics.reporters} (log, csv, …).
 */
public class WorkerCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    public WorkerCommand() {
        super("worker", "Runs a worker process (task queue budget-sync) against TEMPORAL_ADDRESS");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CommandRuntime runtime = new CommandRuntime(configuration, null, bootstrap.getMetricRegistry());
        List<ScheduledReporter> reporters = startReporters(configuration.getMetricsFactory(),
                bootstrap.getMetricRegistry());
        int healthPort = configuration.getWorker().healthPort();
        // only the dependency probes are asked of it: a worker keeps no stored-config check (that is the API's)
        WorkerHealthEndpoint health = healthPort == 0 ? null : WorkerHealthEndpoint.start(healthPort,
                new SystemStatus(runtime.jdbi, runtime.temporal, null));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (health != null) {
                    health.close();
                }
                runtime.close();
            } catch (Exception e) {
                System.err.println("worker shutdown: " + e.getMessage());
            } finally {
                reporters.forEach(ScheduledReporter::close);
                stopped.countDown();
            }
        }, "worker-shutdown"));
        runtime.worker.start();
        System.out.println("worker connected to Temporal at " + runtime.temporal.address()
                + ", PostgreSQL at " + configuration.databaseUrl());
        stopped.await();
    }

    /** What {@code server} gets from Dropwizard's lifecycle, started by hand: this command has no lifecycle. */
    private static List<ScheduledReporter> startReporters(MetricsFactory metrics, MetricRegistry registry) {
        return metrics.getReporters().stream().map(factory -> {
            ScheduledReporter reporter = factory.build(registry);
            reporter.start(frequency(factory, metrics), TimeUnit.MILLISECONDS);
            return reporter;
        }).toList();
    }

    private static long frequency(ReporterFactory factory, MetricsFactory metrics) {
        return factory.getFrequency().orElse(metrics.getFrequency()).toMilliseconds();
    }
}
