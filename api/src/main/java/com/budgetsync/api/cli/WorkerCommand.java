package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code worker [config.yml]}: a worker process alone, against the Temporal at TEMPORAL_ADDRESS. On SIGTERM it stops
 * polling, lets running activities finish within {@code worker.shutdownGraceSeconds}, then exits; a run cut off
 * resumes on another worker.
 */
public class WorkerCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    public WorkerCommand() {
        super("worker", "Runs a worker process (task queue budget-sync) against TEMPORAL_ADDRESS");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CommandRuntime runtime = new CommandRuntime(configuration, null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runtime.close();
            } catch (Exception e) {
                System.err.println("worker shutdown: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "worker-shutdown"));
        runtime.worker.start();
        System.out.println("worker connected to Temporal at " + runtime.temporal.address()
                + ", PostgreSQL at " + configuration.databaseUrl());
        stopped.await();
    }
}
