package com.budgetsync.api.budget;

import static com.budgetsync.api.budget.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Intake forms' labels match the FP&A tool's names through the customer's aliases. */
class BudgetAliasesApiTest {
    @RegisterExtension
    static final ApiClient api = new ApiClient();

    @Test
    void aliasesLetAnIntakeFormsLabelsFindTheBudgets() throws Exception {
        Budgets.month(api.db().jdbi(), "labels", "Engineering", "Software", "2025-03", "400");
        Budgets.month(api.db().jdbi(), "labels", "Engineering", "Hardware", "2025-03", "200");
        String softwareAsRd = """
                {"customerId":"labels","department":" r&d ","subCategory":"SW licences","date":"2025-03-10",
                 "amount":"10","currency":"USD"}""";
        assertEquals("no_budget", api.post("/api/budget/check", softwareAsRd).body().get("status").asText());

        ApiClient.Reply saved = api.put("/api/customers/labels/aliases", """
                {"departments":{"R&D":"Engineering"},"subCategories":{"SW  Licences":"software"}}""");
        assertEquals(200, saved.status(), saved.body().toString());
        assertEquals("Engineering", saved.body().get("departments").get("R&D").asText());
        assertEquals("software", api.get("/api/customers/labels/aliases").body().get("subCategories")
                .get("SW  Licences").asText());

        JsonNode software = api.post("/api/budget/check", softwareAsRd).body();
        assertEquals("within_budget", software.get("status").asText(), software.toString());
        assertEquals("Software", software.get("budget").get("subCategory").asText());
        JsonNode department = api.post("/api/budget/check", """
                {"customerId":"labels","department":"R&D","date":"2025-03-10","amount":"10","currency":"USD"}""")
                .body();
        assertEquals("sum of sub-categories", department.get("basis").asText());
        assertDecimal("600", department.get("available"));
        // the FP&A tool's own names keep matching
        assertEquals("within_budget", api.post("/api/budget/check", """
                {"customerId":"labels","department":"engineering","date":"2025-03-10","amount":"10","currency":"USD"}""")
                .body().get("status").asText());

        ApiClient.Reply same = api.put("/api/customers/labels/aliases", """
                {"departments":{"Engineering ":"engineering"}}""");
        assertEquals(400, same.status());
        assertTrue(same.body().get("error").asText().contains("no alias needed"), same.body().toString());
        assertEquals(200, api.put("/api/customers/labels/aliases", "{}").status());
        assertEquals("no_budget", api.post("/api/budget/check", softwareAsRd).body().get("status").asText());
    }
}
