package com.budgetsync.api.views;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of PUT /api/customers/{id}. */
public record CustomerUpdate(@NotNull @Min(1) @Max(12) Integer fiscalYearStartMonth) {
}
