package com.budgetsync.api.temporal;

import com.budgetsync.workflow.Payloads;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** A gRPC connection to Temporal (embedded or a real cluster) and the client on it; closed with the process. */
public final class TemporalConnection implements Managed, AutoCloseable {
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final String address;

    public TemporalConnection(String address, String namespace) {
        this.address = address;
        this.stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
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
    public void stop() {
        close();
    }

    @Override
    public void close() {
        stubs.shutdown();
    }
}
