package com.budgetsync.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.budgetsync.api.testing.RunningApp;
import java.util.Map;

/** Test data through the API, as a customer's integration would create it. */
final class ConsoleData {
    /** Three budgets that map with confidence. */
    static final String BUDGET_CSV = """
            Department,Fiscal Period,Budget Amount,Currency
            Engineering,FY2025,120000,USD
            Marketing,FY2025,45000,USD
            Sales,FY2025,80000,USD
            """;
    /** A budget column beside a forecast column: nothing in their names says which is the budget, the run stops. */
    static final String REVIEW_CSV = """
            Department,Period,Budget,Forecast
            Engineering,FY2025,500000,480000
            Sales,FY2025,75000,81000
            """;

    private final RunningApp app;

    ConsoleData(RunningApp app) {
        this.app = app;
    }

    /** Uploads a file as the admin and waits for its run to end; returns the sync id. */
    String upload(String customerId, String filename, String csv) throws Exception {
        return app.uploadCsv(customerId, filename, csv);
    }

    String newKey(String customerId) throws Exception {
        RunningApp.Response created = app.postJson("/api/admin/api-keys", Map.of("customerId", customerId));
        assertEquals(201, created.status(), created.body());
        return created.json().path("key").asText();
    }

    static String latestRun(RunningApp app, String customerId) throws Exception {
        return app.get("/api/sync/history?customerId=" + customerId + "&limit=1").json().path("items").get(0)
                .path("syncId").asText();
    }
}
