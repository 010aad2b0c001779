package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.rows.CollectingSink;
import com.budgetsync.rows.RowNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plan-year columns numbered from the budget year (issue 14): fy1 is the stated fiscal year, fy2 the next. */
class PlanYearsTest {
    private static final List<String> HEADERS = List.of("agency", "project", "fy1", "fy2", "fy3");
    private final ColumnMapper mapper = new ColumnMapper();

    @Test
    void numberedPlanYearsCountFromTheFiscalYearInTheFileName() {
        MappingResult result = mapper.map(HEADERS, SampleRows.of("Parks,Pool,100,200,0", "Police,Vans,50,0,0",
                "Parks,Trees,10,20,30"), new FileContext("capital_plan_fy26.csv", List.of()), MappingOptions.DEFAULT);
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("fy1", "fy2", "fy3"), result.mapping().fiscalPeriod().columns());
        assertTrue(result.mapping().fiscalPeriod().reason().contains("plan years counted from FY2026 (year 1)"),
                result.mapping().fiscalPeriod().reason());
        assertEquals(List.of("Parks|FY2026|10", "Parks|FY2027|20", "Parks|FY2028|30"),
                normalised(result, "Parks,Trees,10,20,30"));
    }

    @Test
    void withNoYearAnywhereTheReviewAsksForItUntilTheConfigGivesIt() {
        List<String> headers = List.of("Department", "Year 1", "Year 2");
        MappingResult asked = mapper.map(headers, SampleRows.of("Parks,10,11", "Police,20,21"),
                MappingOptions.DEFAULT);
        assertTrue(asked.needsReview());
        assertEquals(TargetField.FISCAL_PERIOD, asked.questions().get(0).field());

        MappingResult given = mapper.map(headers, SampleRows.of("Parks,10,11", "Police,20,21"),
                new MappingOptions(Map.of(), 0.7, 2025));
        assertFalse(given.needsReview(), given.problems().toString());
        assertEquals(List.of("Parks|FY2025|10", "Parks|FY2026|11"), normalised(given, "Parks,10,11"));
    }

    @Test
    void besideAColumnOfYearsYearOneIsTheBudgetOfEachRowsYear() {
        MappingResult result = mapper.map(List.of("Department", "Year", "budget_y1", "budget_y2", "budget_y3"),
                SampleRows.of("Parks,2024,1000.50,1100,1200", "Police,2025,2500,2100.25,2200",
                        "Library,2025,300,310,320.75"),
                new FileContext("plan_fy26.csv", List.of()), MappingOptions.DEFAULT);
        assertEquals(Layout.LONG, result.mapping().layout());
        assertEquals("Year", result.mapping().fiscalPeriod().column());
        assertEquals("budget_y1", result.mapping().amount().column());
        assertTrue(result.mapping().amount().reason().contains("year 1 of the plan years 'budget_y1', 'budget_y2'"
                + " and 'budget_y3'"), result.mapping().amount().reason());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void onlyARunOneTwoOfOneStemIsPlanYears() {
        assertTrue(PlanYears.isRun(List.of("lb_cp_a1", "lb_cp_a2", "lb_cp_a3")));
        assertFalse(PlanYears.isRun(List.of("Year 1")), "a lone year 1 is no run");
        assertFalse(PlanYears.isRun(List.of("fy1", "fy3")), "a gap is no run");
        assertFalse(PlanYears.isRun(List.of("fy1", "Year 2")), "two stems are no run");
        assertFalse(PlanYears.isRun(List.of("B1", "B2")), "codes are no years");
        assertEquals(Optional.of(List.of("FY2026", "FY2027")), PlanYears.periods(List.of("fy1", "fy2"), "FY2026"));
    }

    /** "department|period|amount" of the budget rows one line becomes. */
    private static List<String> normalised(MappingResult result, String line) {
        CollectingSink sink = new CollectingSink();
        new RowNormalizer(result.mapping(), NormalizeOptions.DEFAULT).normalize(SampleRows.of(line).get(0), sink);
        return sink.rows().stream().map(r -> r.department() + "|" + r.period().canonical() + "|"
                + r.amount().stripTrailingZeros().toPlainString()).toList();
    }
}
