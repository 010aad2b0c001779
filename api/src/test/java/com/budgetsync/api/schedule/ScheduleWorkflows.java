package com.budgetsync.api.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.Optional;

/** What Temporal itself says about a config's schedule workflow, read as an operator would with describe/show. */
final class ScheduleWorkflows {
    private ScheduleWorkflows() {
    }

    static WorkflowExecutionDescription describe(WorkflowClient client, DataSourceConfig config) {
        return client.newUntypedWorkflowStub(WorkflowIds.schedule(config.customerId(), config.id())).describe();
    }

    /** How one run of the config's schedule ended in Temporal: a cron run's sync id is its run id. */
    static WorkflowExecutionStatus statusOfRun(WorkflowClient client, DataSourceConfig config, String runId) {
        return client.newUntypedWorkflowStub(WorkflowIds.schedule(config.customerId(), config.id()),
                Optional.of(runId), Optional.empty()).describe().getStatus();
    }

    /** The cron schedule of the config's running workflow, from its start event; fails if none runs. */
    static String runningCron(WorkflowClient client, DataSourceConfig config) {
        WorkflowExecutionDescription description = describe(client, config);
        assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, description.getStatus());
        return client.fetchHistory(description.getExecution().getWorkflowId(), description.getExecution().getRunId())
                .getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getCronSchedule();
    }
}
