package com.budgetsync.api.views;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of PUT /api/customers/{id}/aliases: the customer's whole set of aliases, alias → the FP&A tool's name
 * ({@code {"departments": {"R&D": "Engineering"}, "subCategories": {"SW": "Software"}}}); either may be left out
 * (none).
 */
public record AliasesRequest(@Size(max = 1000) Map<@Size(max = 200) String, @Size(max = 200) String> departments,
                             @Size(max = 1000) Map<@Size(max = 200) String, @Size(max = 200) String> subCategories) {
    public Map<String, String> departmentsOrNone() {
        return departments == null ? Map.of() : departments;
    }

    public Map<String, String> subCategoriesOrNone() {
        return subCategories == null ? Map.of() : subCategories;
    }
}
