package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.normalize.DecimalMark;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnMapperTest {
    private final ColumnMapper mapper = new ColumnMapper();

    @Test
    void mapsTheSeedFileConfidently() {
        MappingResult result = map(List.of("Department", "Sub Category", "Fiscal Period", "Budget Amount", "Currency"),
                "Engineering,Software,FY 2025,500000,USD", "Sales,Travel,Q1 2025,75000,USD");
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals("Budget Amount", result.mapping().amount().column());
        assertEquals(3, result.mapping().amount().index());
        assertEquals(1.0, result.mapping().department().confidence());
        assertEquals("header 'Department' = synonym 'department'; 100% of values are text labels (2 distinct)",
                result.mapping().department().reason());
    }

    @Test
    void typosAreMatchedAndExplained() {
        MappingResult result = map(List.of("Departmnet", "Fiscal Perod", "Bugdet Amt"),
                "Engineering,FY 2025,500000", "Sales,FY 2025,1000");
        assertEquals("Departmnet", result.mapping().department().column());
        assertTrue(result.mapping().department().reason().startsWith("header 'Departmnet' ≈ synonym 'department' (0."),
                result.mapping().department().reason());
        assertEquals("Bugdet Amt", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void valuesOutweighAMisleadingHeader() {
        MappingResult result = map(List.of("Period", "Team", "Amount"), "Engineering,FY2025,10", "Sales,FY2026,20");
        assertEquals("Team", result.mapping().fiscalPeriod().column());
        assertEquals("Period", result.mapping().department().column());
        assertTrue(result.needsReview(), "a header contradicted by its values needs a person to look");
    }

    @Test
    void withoutHeaderEvidenceTheDepartmentIsTheColumnThatRepeats() {
        MappingResult result = map(List.of("Item", "Name", "Period", "Amount"), "Rent,Engineering,FY2025,1",
                "Travel,Engineering,FY2025,2", "Cloud,Sales,FY2025,3");
        assertEquals("Name", result.mapping().department().column());
        assertTrue(result.needsReview(), "labels alone are not enough to import");
    }

    @Test
    void pinsWinOverDetection() {
        MappingResult result = mapper.map(List.of("Department", "Period", "Budget", "Forecast"),
                rows("Engineering,FY2025,10,12", "Sales,FY2025,20,19"),
                new MappingOptions(Map.of("forecast", TargetField.AMOUNT), 0.7));
        assertEquals("Forecast", result.mapping().amount().column());
        assertEquals("pinned in the config", result.mapping().amount().reason());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aPinnedColumnMissingFromTheFileIsAProblem() {
        MappingResult result = mapper.map(List.of("Department", "Period", "Budget"), rows("Engineering,FY2025,10"),
                new MappingOptions(Map.of("Cost Center", TargetField.DEPARTMENT), 0.7));
        assertTrue(result.needsReview());
        assertTrue(result.problems().get(0).contains("'Cost Center'"), result.problems().toString());
    }

    @Test
    void oneColumnNeverFeedsTwoFields() {
        MappingResult result = map(List.of("Budget Period Amount", "Department"), "FY2025,Sales", "FY2026,IT");
        List<Integer> indexes = Arrays.stream(TargetField.values()).map(f -> result.mapping().get(f))
                .filter(Objects::nonNull).map(FieldMapping::index).toList();
        Set<Integer> distinct = new HashSet<>(indexes);
        assertEquals(indexes.size(), distinct.size());
    }

    @Test
    void budgetAndForecastWithEqualEvidenceNeedReview() {
        MappingResult result = map(List.of("Department", "Period", "Budget", "Forecast"), "Engineering,FY2025,10,12");
        assertTrue(result.needsReview());
        assertTrue(result.mapping().amount().confidence() < 0.7);
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("'Budget' and 'Forecast'")), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains(
                "pin the budget column in the config (e.g. options.pins {\"Budget\": \"amount\"}) to import")),
                result.problems().toString());
    }

    /** The pin the question shows is valid JSON for a header with quotes and a backslash, and it imports. */
    @Test
    void thePinTheQuestionShowsCanBeCopiedIntoTheConfig() throws Exception {
        List<String> headers = List.of("Department", "Period", "\"Budget\" \\ 2025", "Forecast");
        MappingResult asked = map(headers, "Engineering,FY2025,10,12");
        String problem = asked.problems().stream().filter(p -> p.contains("options.pins")).findFirst()
                .orElseThrow(() -> new AssertionError(asked.problems().toString()));
        String json = problem.substring(problem.indexOf("options.pins ") + "options.pins ".length(),
                problem.indexOf(") to import"));
        assertEquals("{\"\\\"Budget\\\" \\\\ 2025\": \"amount\"}", json);

        Map<String, String> pins = new ObjectMapper().readValue(json, new TypeReference<>() { });
        String column = pins.keySet().iterator().next();
        MappingResult pinned = mapper.map(headers, rows("Engineering,FY2025,10,12"),
                new MappingOptions(Map.of(column, TargetField.fromJson(pins.get(column))), 0.7));
        assertEquals("\"Budget\" \\ 2025", pinned.mapping().amount().column());
        assertFalse(pinned.needsReview(), pinned.problems().toString());
    }

    @Test
    void noPeriodAnywhereNeedsReview() {
        MappingResult result = map(List.of("Department", "Amount"), "Engineering,10");
        assertNull(result.mapping().fiscalPeriod());
        assertTrue(result.problems().contains("no column found for required field fiscalPeriod"));
    }

    @Test
    void aColumnNamedAsTheFieldButRefusedByItsValuesSaysWhy() {
        MappingResult result = map(List.of("Department", "Period", "Amount"), "Sales,2025-01,1", "IT,2025-02,2",
                "HR,2025-03,3", "Ops,2025-04,4", "Legal,2025-05,5");
        assertNull(result.mapping().amount());
        assertTrue(result.problems().contains("no column found for required field amount ('Amount' is named like it,"
                + " but its values do not fit: header 'Amount' = synonym 'amount'; 100% of values are amounts, but"
                + " values run in sequence: a row number or index)"), result.problems().toString());
    }

    @Test
    void actualBesideTheBudgetIsReportedNotImported() {
        MappingResult result = map(List.of("Department", "Period", "Budget Amount", "Actual", "Variance"),
                "Engineering,FY2025,100,90,10", "Sales,FY2025,50,55,-5");
        FieldMapping amount = result.mapping().amount();
        assertEquals("Budget Amount", amount.column());
        // A variance is no candidate for the amount at all: only the actuals are offered as the alternative.
        assertEquals(List.of("Actual"), amount.alternatives().stream().map(Alternative::column).toList());
        assertTrue(amount.alternatives().get(0).confidence() < amount.confidence());
        assertFalse(result.needsReview(), result.problems().toString());
        assertTrue(amount.reason().contains("'Actual' beside it: actual amounts, not imported"), amount.reason());
    }

    @Test
    void pinningTheBudgetColumnBesideActualImports() {
        MappingResult result = new ColumnMapper().map(List.of("Department", "Period", "Budget", "Actual"),
                rows("Engineering,FY2025,100,90", "Sales,FY2025,50,55"),
                new MappingOptions(Map.of("Budget", TargetField.AMOUNT), MappingOptions.DEFAULT_THRESHOLD));
        assertEquals("Budget", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aCurrencyColumnIsFoundByItsValues() {
        MappingResult result = map(List.of("Entity", "Time", "Amount", "Cons"), "Houston,2025M1,10,USD",
                "Berlin,2025M1,10,EUR");
        assertEquals("Cons", result.mapping().currency().column());
    }

    @Test
    void wideMonthsAreRecognisedAndTheTotalColumnLeftOut() {
        List<String> headers = new ArrayList<>(List.of("Department", "Category"));
        for (String m : List.of("Jan", "Feb", "Mar")) {
            headers.add(m + "-25");
        }
        headers.add("Total");
        MappingResult result = map(headers, "Engineering,Salaries,1,2,3,6", "Sales,Travel,1,1,1,3");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("Jan-25", "Feb-25", "Mar-25"), result.mapping().fiscalPeriod().columns());
        assertEquals(List.of(2, 3, 4), result.mapping().amount().indexes());
        assertNull(result.mapping().fiscalPeriod().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aFiscalYearColumnAndAQuarterColumnAreReadTogether() {
        MappingResult result = map(List.of("Department", "Fiscal Year", "Quarter", "Budget"),
                "Engineering,FY2025,Q1,10", "Engineering,FY2025,Q2,10", "Sales,FY2026,Q1,5");
        assertEquals(Layout.LONG, result.mapping().layout());
        assertEquals(List.of("Fiscal Year", "Quarter"), result.mapping().fiscalPeriod().columns());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aCompletePeriodColumnIsNotSplit() {
        MappingResult result = map(List.of("Department", "Period", "Quarter", "Budget"),
                "Engineering,Q1 2025,Q1,10", "Sales,Q2 2025,Q2,5");
        assertEquals("Period", result.mapping().fiscalPeriod().column());
    }

    @Test
    void aEuropeanAmountColumnRecordsItsDecimalMark() {
        MappingResult result = mapper.map(List.of("Department", "Period", "Amount"),
                List.of(new DataRow(2, List.of("Sales", "FY2025", "1.234")), new DataRow(3, List.of("IT", "FY2025", "1.234,50"))),
                MappingOptions.DEFAULT);
        assertEquals(DecimalMark.COMMA, result.mapping().decimalMark());
    }

    @Test
    void withoutSampleRowsTheHeaderDecides() {
        MappingResult result = mapper.map(List.of("Dept", "Fiscal Year", "Budget"), List.of(), MappingOptions.DEFAULT);
        assertEquals("Dept", result.mapping().department().column());
        assertEquals("Fiscal Year", result.mapping().fiscalPeriod().column());
        assertEquals("Budget", result.mapping().amount().column());
    }

    @Test
    void aHigherThresholdSendsWeakMappingsToReview() {
        MappingResult result = mapper.map(List.of("Level", "Time", "Value"), rows("Engineering,2025-01,10"),
                new MappingOptions(Map.of(), 0.99));
        assertTrue(result.needsReview());
    }

    private MappingResult map(List<String> headers, String... lines) {
        return mapper.map(headers, rows(lines), MappingOptions.DEFAULT);
    }

    private static List<DataRow> rows(String... lines) {
        return SampleRows.of(lines);
    }
}
