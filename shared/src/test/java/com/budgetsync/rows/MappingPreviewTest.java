package com.budgetsync.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.Json;
import com.budgetsync.fixtures.FixtureCorpus;
import com.budgetsync.mapping.ColumnMapper;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingPreviewTest {
    @Test
    void serialisesToThePreviewShape() throws IOException {
        JsonNode json = preview("seed.csv");
        assertEquals(List.of("status", "format", "headerRow", "layout", "mapping", "rows", "skippedRows", "errors",
                "problems", "questions"), fieldNames(json));
        assertEquals("ok", json.get("status").asText());
        assertEquals("csv", json.get("format").get("format").asText());
        assertEquals("UTF-8", json.get("format").get("charset").asText());
        assertEquals(",", json.get("format").get("delimiter").asText());
        assertTrue(json.get("format").get("sheet").isNull());
        assertEquals(1, json.get("headerRow").asInt(), "the header is on line 1, as a spreadsheet numbers it");
        assertEquals("long", json.get("layout").asText());
        JsonNode amount = json.get("mapping").get("amount");
        assertEquals(List.of("column", "confidence", "reason", "alternatives"), fieldNames(amount));
        assertEquals("Budget Amount", amount.get("column").asText());
        assertEquals(4, json.get("rows").size());
        assertEquals("FY2025", json.get("rows").get(0).get("period").get("canonical").asText());
        assertEquals("2025-01-01", json.get("rows").get(0).get("period").get("start").asText());
        assertEquals(500000, json.get("rows").get(0).get("amount").asInt());
    }

    /** Bad values do not hide the column: it still maps as the amount, and each bad cell is its row's error. */
    @Test
    void anAmountColumnWithMalformedNumbersStillMapsAndReportsThem() throws IOException {
        String csv = "Department,Sub Category,Fiscal Period,Budget Amount,Currency\n"
                + "Engineering,Software,FY 2025,500000,USD\n"
                + "Engineering,Hardware,FY 2025,1.2.3,USD\n"
                + "Sales,Travel,FY 2025,--5,USD\n"
                + "Sales,Events,FY 2025,NaN,USD\n"
                + "Marketing,Ads,FY 2025,Infinity,USD\n"
                + "Marketing,Print,FY 2025,99999999999999999999,USD\n"
                + "Support,Tools,FY 2025,1200,USD\n";
        MappingPreview preview = MappingPreview.of(FileContent.of("bad-amounts.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ReadOptions.DEFAULT, MappingOptions.DEFAULT,
                NormalizeOptions.DEFAULT);
        JsonNode json = Json.MAPPER.readTree(Json.write(preview));
        assertEquals("Budget Amount", json.get("mapping").get("amount").get("column").asText(), json.toString());
        assertEquals(2, json.get("rows").size(), json.toString());
        assertEquals(List.of(3, 4, 5, 6, 7), json.get("errors").findValues("row").stream().map(JsonNode::asInt)
                .toList(), json.toString());
    }

    @Test
    void wideMappingsListTheirColumnsAndAbsentFieldsAreNull() throws IOException {
        JsonNode json = preview("wide_quarters.csv");
        assertEquals("wide", json.get("layout").asText());
        JsonNode period = json.get("mapping").get("fiscalPeriod");
        assertEquals(List.of("columns", "confidence", "reason", "alternatives"), fieldNames(period));
        assertEquals(4, period.get("columns").size());
        assertTrue(json.get("mapping").get("subCategory").isNull());
        assertTrue(json.get("mapping").has("currency"));
    }

    @Test
    void reportsSkippedRowsAndReviewStatus() throws IOException {
        assertEquals(4, preview("totals_subtotals.csv").get("skippedRows").size());
        JsonNode ambiguous = preview("ambiguous_budget_forecast.csv");
        assertEquals("needs_review", ambiguous.get("status").asText());
        assertTrue(ambiguous.get("problems").size() > 0);
        JsonNode question = ambiguous.get("questions").get(0);
        assertEquals("amount", question.get("field").asText());
        assertEquals("Which column is the amount: 'Budget' (0.50) or 'Forecast' (0.50)?",
                question.get("question").asText());
        assertEquals(List.of("Budget", "Forecast"), question.get("candidates").findValuesAsText("column"));
    }

    @Test
    void excelPreviewsNameTheSheet() throws IOException {
        assertEquals("Budget", preview("multi_sheet_budget_second.xlsx").get("format").get("sheet").asText());
    }

    @Test
    void mappingsSurviveAJsonRoundTrip() throws IOException {
        FileContent file = FileContent.of(FixtureCorpus.DIR.resolve("european_numbers.csv"));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        MappingResult result = new ColumnMapper().map(layout.headers(), TableReader.sample(file, layout, 50),
                MappingOptions.DEFAULT);
        assertEquals(result, Json.read(Json.write(result), MappingResult.class));
        assertEquals(layout, Json.read(Json.write(layout), TableLayout.class));
        FileContent wide = FileContent.of(FixtureCorpus.DIR.resolve("wide_months.csv"));
        TableLayout wideLayout = TableReader.detect(wide, ReadOptions.DEFAULT);
        MappingResult wideResult = new ColumnMapper().map(wideLayout.headers(),
                TableReader.sample(wide, wideLayout, 50), MappingOptions.DEFAULT);
        assertEquals(wideResult, Json.read(Json.write(wideResult), MappingResult.class));
    }

    private static JsonNode preview(String fixture) throws IOException {
        MappingPreview preview = MappingPreview.of(FileContent.of(FixtureCorpus.DIR.resolve(fixture)),
                ReadOptions.DEFAULT, MappingOptions.DEFAULT, NormalizeOptions.DEFAULT);
        return Json.MAPPER.readTree(Json.write(preview));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
