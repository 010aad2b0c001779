package com.budgetsync.domain;

/** A row the import rejected: which row (1-based line or sheet row), which column, what value, and why. */
public record RowError(long row, String column, String value, String message) {
}
