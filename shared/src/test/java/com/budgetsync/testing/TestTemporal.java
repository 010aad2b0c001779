package com.budgetsync.testing;

import com.budgetsync.workflow.Payloads;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;

/** Temporal's in-memory test server with time skipping, reading and writing payloads as production does. */
public final class TestTemporal {
    private TestTemporal() {
    }

    public static TestWorkflowEnvironment environment() {
        return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(Payloads.converter()).build())
                .build());
    }
}
