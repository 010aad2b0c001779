package com.budgetsync.api.budget;

import static com.budgetsync.api.budget.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The summary per department adds up exactly what the budgets list shows. */
class BudgetSummaryApiTest {
    @RegisterExtension
    static final ApiClient api = new ApiClient();

    @Test
    void theSummarysSumsAreTheBudgetsSums() throws Exception {
        var jdbi = api.db().jdbi();
        Budgets.month(jdbi, "sumco", "Engineering", "Software", "2025-01", "100.10");
        Budgets.month(jdbi, "sumco", "Engineering", "Software", "2025-02", "200.20");
        Budgets.month(jdbi, "sumco", "Engineering", "Hardware", "2025-03", "300.30");
        Budgets.month(jdbi, "sumco", "Marketing", "", "2025-02", "1000");
        Budgets.month(jdbi, "sumco", "Marketing", "", "2025-07", "5000");
        String reserve = """
                {"requestId":"%s","customerId":"sumco","department":"%s","date":"2025-02-10","amount":"%s","currency":"USD"}""";
        assertEquals(200, api.post("/api/budget/reserve", reserve.formatted("r1", "Engineering", "150")).status());
        assertEquals(200, api.post("/api/budget/commit", reserve.formatted("c1", "Marketing", "250.5")).status());

        JsonNode summary = api.get("/api/budgets/summary?customerId=sumco&period=FY2025-Q1").body();
        assertEquals(2, summary.get("total").asInt(), summary.toString());
        JsonNode budgets = api.get("/api/budgets?customerId=sumco&limit=1000").body().get("budgets");
        Map<String, BigDecimal[]> expected = new HashMap<>();
        for (JsonNode b : budgets) {
            if (b.get("periodStart").asText().compareTo("2025-04-01") < 0) {
                BigDecimal[] sums = expected.computeIfAbsent(b.get("department").asText(), d -> new BigDecimal[] {
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(b.get("amount").decimalValue());
                sums[1] = sums[1].add(b.get("committed").decimalValue());
                sums[2] = sums[2].add(b.get("reserved").decimalValue());
                sums[3] = sums[3].add(b.get("available").decimalValue());
            }
        }
        for (JsonNode line : summary.get("departments")) {
            BigDecimal[] sums = expected.get(line.get("department").asText());
            assertDecimal(sums[0].toPlainString(), line.get("amount"));
            assertDecimal(sums[1].toPlainString(), line.get("committed"));
            assertDecimal(sums[2].toPlainString(), line.get("reserved"));
            assertDecimal(sums[3].toPlainString(), line.get("available"));
        }
        JsonNode engineering = summary.get("departments").get(0);
        assertEquals("Engineering", engineering.get("department").asText());
        assertEquals(3, engineering.get("budgets").asInt());
        assertDecimal("600.60", engineering.get("amount"));
        assertDecimal("25.0", engineering.get("percentUsed"));

        JsonNode year = api.get("/api/budgets/summary?customerId=sumco&period=FY2025").body();
        assertDecimal("6000", year.get("departments").get(1).get("amount"));
        assertEquals(400, api.get("/api/budgets/summary?customerId=sumco&period=someday").status());

        // a plan kept by year and by month is counted once, by its months
        Budgets.add(jdbi, "sumco", "Marketing", "", "FY2025", "YEAR", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "6000", "USD");
        assertDecimal("6000", api.get("/api/budgets/summary?customerId=sumco&period=FY2025").body()
                .get("departments").get(1).get("amount"));
    }
}
