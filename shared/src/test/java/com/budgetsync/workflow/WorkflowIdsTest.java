package com.budgetsync.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowIdsTest {
    @Test
    void aScheduleIdNamesItsCustomerAndConfigEvenWithDashesInTheCustomer() {
        assertEquals(Optional.of(new WorkflowIds.ScheduleOf("acme-eu", 12)),
                WorkflowIds.scheduleOf(WorkflowIds.schedule("acme-eu", 12)));
    }

    @Test
    void aRunStartedNowIsNotASchedule() {
        assertEquals(Optional.empty(),
                WorkflowIds.scheduleOf(WorkflowIds.run("acme", 12, "3f2b1c9e-0d4a-4b6e-9a7f-1c2d3e4f5a6b")));
        assertEquals(Optional.empty(), WorkflowIds.scheduleOf("someone-elses-workflow"));
    }
}
