package com.budgetsync.mapping;

/** A column the mapper considered for a field but ranked lower. */
public record Alternative(String column, double confidence) {
}
