package com.budgetsync.testing;

import com.budgetsync.workflow.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh Temporal test server per test ({@link TestTemporal}: time skipping, production payloads) with a worker on
 * the budget-sync task queue, its workflows registered; the test hands in its activities with {@link #start}, as
 * they often need the {@link #client()} first. Register with {@code @RegisterExtension}.
 */
public final class TemporalTestEnvironment implements BeforeEachCallback, AfterEachCallback {
    private final Consumer<Worker> workflows;
    private TestWorkflowEnvironment environment;
    private Worker worker;

    private TemporalTestEnvironment(Consumer<Worker> workflows) {
        this.workflows = workflows;
    }

    /** The worker runs these workflow implementations, each created by Temporal. */
    public static TemporalTestEnvironment withWorkflows(Class<?>... implementations) {
        return new TemporalTestEnvironment(worker -> worker.registerWorkflowImplementationTypes(implementations));
    }

    /** The worker runs {@code type}'s workflows as {@code factory} creates them (e.g. with fake activities inside). */
    public static <T> TemporalTestEnvironment withWorkflow(Class<T> type, Supplier<T> factory) {
        return new TemporalTestEnvironment(worker -> worker.registerWorkflowImplementationFactory(type, factory::get));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        environment = TestTemporal.environment();
        worker = environment.newWorker(TaskQueues.BUDGET_SYNC);
        workflows.accept(worker);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        environment.close();
    }

    /** Registers the activities and starts the worker; once per test. */
    public void start(Object... activities) {
        if (activities.length > 0) {
            worker.registerActivitiesImplementations(activities);
        }
        environment.start();
    }

    public WorkflowClient client() {
        return environment.getWorkflowClient();
    }

    /** The server itself, for skipping time ({@code sleep}) and reading its clock. */
    public TestWorkflowEnvironment server() {
        return environment;
    }
}
