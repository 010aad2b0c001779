package com.budgetsync.domain;

/** Granularity of a fiscal period; a budget check prefers the most specific one that covers a date. */
public enum PeriodType {
    MONTH, QUARTER, YEAR
}
