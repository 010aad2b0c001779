package com.budgetsync.worker.importing;

import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.ChangePreview.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The first budgets of each kind of change a compared import holds ({@code import_rows}, {@code import_diff}): what a
 * dry run shows a person before anything is applied.
 */
final class ChangeSamples {
    private ChangeSamples() {
    }

    static ChangePreview.Samples of(Handle h, String customerId, long configId) {
        Map<String, List<Change>> byAction = new HashMap<>();
        // A deleted key is not in the file: its department, sub-category and period come from the budget.
        h.createQuery("""
                        SELECT action, first_row, department, sub_category, fiscal_period, old_amount, old_currency,
                               amount, currency
                          FROM (SELECT d.action, d.first_row, coalesce(d.department, b.department) AS department,
                                       coalesce(d.sub_category, b.sub_category) AS sub_category,
                                       coalesce(d.fiscal_period, b.fiscal_period) AS fiscal_period,
                                       d.old_amount, d.old_currency, d.amount, d.currency,
                                       row_number() OVER (PARTITION BY d.action ORDER BY d.first_row NULLS LAST,
                                           b.department, b.sub_category, b.fiscal_period) AS n
                                  FROM import_diff d LEFT JOIN budget b ON b.id = d.budget_id
                                 WHERE d.action <> 'unchanged') s
                         WHERE n <= :limit
                         ORDER BY n""")
                .bind("limit", ChangePreview.SAMPLE_SIZE)
                .map((rs, ctx) -> Map.entry(rs.getString("action"), new Change((Long) rs.getObject("first_row"),
                        rs.getString("department"), rs.getString("sub_category"), rs.getString("fiscal_period"),
                        rs.getBigDecimal("old_amount"), rs.getString("old_currency"), rs.getBigDecimal("amount"),
                        rs.getString("currency"))))
                .forEach(e -> byAction.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        // Unchanged keys are not kept in import_diff (a re-sync would copy a million of them): found in the file.
        List<Change> unchanged = h.createQuery("""
                        SELECT k.source_row, b.department, b.sub_category, b.fiscal_period, b.amount, b.currency
                          FROM import_rows k
                          JOIN budget b ON b.customer_id = :customer AND b.department_key = k.department_key
                           AND b.sub_category_key = k.sub_category_key AND b.fiscal_period = k.fiscal_period
                         WHERE b.deleted_at IS NULL AND b.source_config_id = :config
                           AND b.amount = k.amount AND b.currency = k.currency
                           AND b.department = k.department AND b.sub_category = k.sub_category
                           AND NOT EXISTS (SELECT 1 FROM import_diff d WHERE d.budget_id = b.id)
                         LIMIT :limit""")
                .bind("customer", customerId).bind("config", configId).bind("limit", ChangePreview.SAMPLE_SIZE)
                .map((rs, ctx) -> new Change(rs.getLong("source_row"), rs.getString("department"),
                        rs.getString("sub_category"), rs.getString("fiscal_period"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getBigDecimal("amount"), rs.getString("currency")))
                .list();
        return new ChangePreview.Samples(byAction.getOrDefault("created", List.of()),
                byAction.getOrDefault("updated", List.of()), unchanged, byAction.getOrDefault("deleted", List.of()),
                byAction.getOrDefault("restored", List.of()));
    }
}
