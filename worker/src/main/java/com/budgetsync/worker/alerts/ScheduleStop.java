package com.budgetsync.worker.alerts;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.function.Consumer;

/**
 * Ends a paused config's cron workflow at once. The API's schedule reconciler would end it too (a paused config is
 * disabled), within {@code temporal.reconcileSeconds}; this does not wait for it.
 */
public final class ScheduleStop implements Consumer<DataSourceConfig> {
    private final WorkflowClient client;

    public ScheduleStop(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public void accept(DataSourceConfig config) {
        try {
            client.newUntypedWorkflowStub(WorkflowIds.schedule(config.customerId(), config.id()))
                    .terminate("config paused by a failure streak (alert checks); enable it again to resume");
        } catch (WorkflowNotFoundException e) {
            // no schedule running: what we wanted
        }
    }
}
