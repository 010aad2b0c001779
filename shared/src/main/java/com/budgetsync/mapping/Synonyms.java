package com.budgetsync.mapping;

import java.util.List;
import java.util.Map;

/** Header words each field goes by in FP&A exports (normalised form). */
final class Synonyms {
    static final Map<TargetField, List<String>> BY_FIELD = Map.of(
            TargetField.DEPARTMENT, List.of("department", "dept", "division", "team", "business unit", "cost center",
                    "cost centre", "org", "organization", "organisation", "entity", "unit", "group", "function"),
            TargetField.FISCAL_PERIOD, List.of("fiscal period", "period", "fy", "fiscal year", "year", "time", "month",
                    "quarter", "when", "budget period", "fiscal month", "fiscal quarter"),
            TargetField.AMOUNT, List.of("budget amount", "amount", "budget", "budgeted", "plan", "plan amount",
                    "allocated", "allocation", "forecast", "value", "total budget", "budget value"),
            TargetField.SUB_CATEGORY, List.of("sub category", "subcategory", "category", "account", "gl account",
                    "expense type", "line item", "cost type", "expense category", "account name"),
            TargetField.CURRENCY, List.of("currency", "ccy", "currency code", "curr", "iso currency"));

    private Synonyms() {
    }
}
