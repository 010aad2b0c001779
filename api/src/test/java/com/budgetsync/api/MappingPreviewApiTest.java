package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/mapping/preview answers what a run would make of a file, in the documented shape, importing nothing. */
class MappingPreviewApiTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void seedFileMapsWithReasonsAndNormalisedRows() throws Exception {
        JsonNode preview = preview("preview", "seed.csv", SeedExample.CSV);
        assertEquals("ok", preview.path("status").asText());
        assertEquals(1, preview.path("headerRow").asInt(), "the header is on line 1, as a spreadsheet numbers it");
        assertEquals("long", preview.path("layout").asText());
        assertEquals("csv", preview.path("format").path("format").asText());
        JsonNode department = preview.path("mapping").path("department");
        assertEquals("Department", department.path("column").asText());
        assertTrue(department.path("confidence").asDouble() >= 0.9);
        assertTrue(department.path("reason").asText().contains("Department"), department.toString());
        assertEquals("Budget Amount", preview.path("mapping").path("amount").path("column").asText());
        assertEquals(4, preview.path("rows").size());
        JsonNode first = preview.path("rows").get(0);
        assertEquals("Engineering", first.path("department").asText());
        assertEquals("FY2025", first.path("period").path("canonical").asText());
        assertEquals(0, app.get("/api/budgets?customerId=preview").json().path("total").asLong(),
                "a preview imports nothing");
    }

    @Test
    void budgetBesideForecastNeedsReviewAndAsksWhichIsTheAmount() throws Exception {
        JsonNode preview = preview("preview", "budget-vs-forecast.csv",
                "Department,Period,Budget,Forecast\nEngineering,FY2025,500000,480000\nSales,FY2025,75000,81000\n");
        assertEquals("needs_review", preview.path("status").asText());
        List<String> problems = new ArrayList<>();
        preview.path("problems").forEach(problem -> problems.add(problem.asText()));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'Budget' and 'Forecast' both hold budget amounts")
                && p.contains("pin the budget column in the config (e.g. options.pins {\"Budget\": \"amount\"})")),
                preview.toString());
        assertEquals("Which column is the amount: 'Budget' (0.50) or 'Forecast' (0.50)?",
                preview.path("questions").get(0).path("question").asText(), preview.toString());
    }

    @Test
    void budgetBesideActualImportsTheBudgetAndNamesTheActuals() throws Exception {
        JsonNode preview = preview("preview", "budget-vs-actual.csv",
                "Department,Period,Budget,Actual\nEngineering,FY2025,500000,480000\nSales,FY2025,75000,81000\n");
        assertEquals("ok", preview.path("status").asText(), preview.toString());
        assertEquals("Budget", preview.path("mapping").path("amount").path("column").asText());
        assertTrue(preview.path("mapping").path("amount").path("reason").asText()
                .contains("'Actual' beside it: actual amounts, not imported"), preview.toString());
    }

    @Test
    void unreadableFileIs422WithTheFileName() throws Exception {
        RunningApp.Response response = app.postBytes("/api/mapping/preview?customerId=preview&filename=empty.csv",
                "\n\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(422, response.status(), response.body());
        assertTrue(response.json().path("error").asText().contains("empty.csv"), response.body());
    }

    /** The preview's verdict is the run's (HostileFileRunsTest): refused as what the file is, before mapping. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "statement.csv|%PDF-1.4\\n1 0 obj\\n|statement.csv: this is a PDF document, not a spreadsheet",
        "export.csv|<!DOCTYPE html>\\n<html><body>Sign in</body></html>|export.csv: this is a web page (HTML)",
        "empty.csv||empty.csv: the file is empty",
        "header.csv|Department,Fiscal Period,Budget Amount\\n|header.csv: the file has a header row but no rows of data"})
    void filesWithoutATableAre422SayingWhatTheyAre(String filename, String content, String expected)
            throws Exception {
        byte[] body = content == null ? new byte[0]
                : content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        RunningApp.Response response = app.postBytes("/api/mapping/preview?customerId=preview&filename=" + filename,
                body, "text/csv");
        assertEquals(422, response.status(), response.body());
        assertTrue(response.json().path("error").asText().startsWith(expected), response.body());
    }

    /** An OLE2 header cut short: POI fails with its own IOException, which must not become a 500. */
    @Test
    void damagedWorkbookIs422InWordsNot500() throws Exception {
        byte[] cutShort = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
            0, 0, 0};
        RunningApp.Response response = app.postBytes("/api/mapping/preview?customerId=preview&filename=cut.xls",
                cutShort, "application/vnd.ms-excel");
        assertEquals(422, response.status(), response.body());
        assertEquals("cut.xls: not a readable .xls workbook: it is damaged or cut short, or another kind of file"
                + " with an Excel name; open it in Excel and save it again, or export it as .csv",
                response.json().path("error").asText());
    }

    private static JsonNode preview(String customer, String filename, String content) throws Exception {
        RunningApp.Response response = app.postBytes("/api/mapping/preview?customerId=" + customer + "&filename="
                + filename, content.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
