package com.budgetsync.domain;

import java.math.BigDecimal;

/** One normalised budget line read from a file: what the import merges into {@code budget}. */
public record BudgetRow(long sourceRow, String department, String subCategory, FiscalPeriod period,
                        BigDecimal amount, String currency) {
}
