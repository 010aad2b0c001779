package com.budgetsync.api.temporal;

import com.budgetsync.workflow.Payloads;
import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * A gRPC connection to Temporal (embedded or a real cluster) and the client on it; closed with the process. The SDK's
 * metrics, and those of workers built on this client, go to {@code metrics} (see {@link TemporalMetrics}).
 */
public final class TemporalConnection implements Managed, AutoCloseable {
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final Scope metricsScope;
    private final String address;

    public TemporalConnection(String address, String namespace, MetricRegistry metrics) {
        this.address = address;
        this.metricsScope = TemporalMetrics.scope(metrics);
        this.stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setMetricsScope(metricsScope)
                .build());
        this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(Payloads.converter())
                .build());
    }

    public WorkflowClient client() {
        return client;
    }

    public WorkflowServiceStubs stubs() {
        return stubs;
    }

    public String address() {
        return address;
    }

    @Override
    public void stop() throws ScopeCloseException {
        close();
    }

    @Override
    public void close() throws ScopeCloseException {
        stubs.shutdown();
        metricsScope.close(); // reports what is still buffered
    }
}
