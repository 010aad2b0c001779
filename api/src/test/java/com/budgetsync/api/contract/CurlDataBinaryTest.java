package com.budgetsync.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code curl --data-binary @budget.csv} without a Content-Type header sends application/x-www-form-urlencoded: the
 * upload and the preview take such a body when it is a budget file, and still refuse markup, JSON or a real form.
 */
class CurlDataBinaryTest {
    private static final String CURL_DEFAULT = "application/x-www-form-urlencoded";

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void uploadTakesAFileSentAsCurlsDefault() throws Exception {
        RunningApp.Response accepted = app.postBytes("/api/sync/upload?customerId=curl&filename=budget.csv",
                SeedExample.CSV.getBytes(StandardCharsets.UTF_8), CURL_DEFAULT);
        assertEquals(202, accepted.status(), accepted.body());
        RunningApp.Response run = new RunningApp.Response(200, app.awaitRun(accepted.json().path("syncId").asText())
                .toString());
        assertEquals("success", run.json().path("status").asText(), run.body());
        assertEquals(4, run.json().path("stats").path("created").asLong(), "every byte arrived: " + run.body());
    }

    @Test
    void previewTakesAFileSentAsCurlsDefault() throws Exception {
        RunningApp.Response preview = app.postBytes("/api/mapping/preview?customerId=curl&filename=budget.csv",
                SeedExample.CSV.getBytes(StandardCharsets.UTF_8), CURL_DEFAULT);
        assertEquals(200, preview.status(), preview.body());
        assertEquals("Department", preview.json().path("mapping").path("department").path("column").asText());
    }

    @Test
    void formBodiesThatAreNotFilesAreStillRefused() throws Exception {
        for (String body : new String[] {"{\"customerId\":\"curl\"}", "<html><body>hi</body></html>",
                "customerId=curl&amount=5"}) {
            RunningApp.Response refused = app.postBytes("/api/sync/upload?customerId=curl&filename=budget.csv",
                    body.getBytes(StandardCharsets.UTF_8), CURL_DEFAULT);
            assertEquals(415, refused.status(), body + " → " + refused.body());
            assertTrue(refused.json().path("error").asText().contains("not a CSV or Excel file"), refused.body());
        }
    }
}
