package com.budgetsync.domain;

/** A row that is not data (blank line, subtotal, grand total) and was left out on purpose. */
public record SkippedRow(long row, String reason) {
}
