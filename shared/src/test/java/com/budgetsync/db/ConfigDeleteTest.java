package com.budgetsync.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting a config never deletes budgets or what procurement booked against them; it only unlinks them. */
class ConfigDeleteTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void aDeletedConfigsBudgetsStayWithTheirUtilizationAndNoLink() {
        ConfigDao configs = new ConfigDao(db.jdbi());
        DataSourceConfig config = configs.create("unlink", "sheet", SourceType.HTTPS, true, "daily", "UTC", Map.of(),
                ConfigOptions.DEFAULTS);
        long budgetId = db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO budget (customer_id, department, department_key, sub_category_key, fiscal_period,
                                            period_type, period_start, period_end, amount, currency, source_config_id)
                        VALUES ('unlink', 'Engineering', 'engineering', '', 'FY2025', 'YEAR', '2025-01-01', '2025-12-31', 1000, 'USD',
                                :config) RETURNING id""").bind("config", config.id()).mapTo(Long.class).one());
        db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO budget_utilization (budget_id, committed, reserved) VALUES (?, 250, 100)", budgetId));

        assertTrue(configs.delete(config.id()));

        Map<String, Object> budget = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT b.source_config_id, b.deleted_at, u.committed, u.reserved
                          FROM budget b JOIN budget_utilization u ON u.budget_id = b.id WHERE b.id = :id""")
                .bind("id", budgetId).mapToMap().one());
        assertNull(budget.get("source_config_id"));
        assertNull(budget.get("deleted_at"));
        assertEquals(0, new BigDecimal("250").compareTo((BigDecimal) budget.get("committed")));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) budget.get("reserved")));
    }
}
