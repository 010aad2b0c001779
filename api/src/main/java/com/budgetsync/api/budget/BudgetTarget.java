package com.budgetsync.api.budget;

import java.time.LocalDate;

/**
 * Which budget a procurement request draws on: department, optional sub-category, and either a fiscal period
 * ({@code FY2025}, {@code FY2025-Q1}, {@code 2025-03}) or a date; with neither, today.
 */
public record BudgetTarget(String customerId, String department, String subCategory, String fiscalPeriod,
                           LocalDate date) {
    /** The day whose FX rate applies: the request's date, else today. */
    public LocalDate rateDate() {
        return date != null ? date : LocalDate.now();
    }
}
