package com.budgetsync.testing;

/** The example file of the original specification (docs/examples/seed-example.csv): it must map and import. */
public final class SeedExample {
    public static final String CSV = """
            Department,Sub Category,Fiscal Period,Budget Amount,Currency
            Engineering,Software,FY 2025,500000,USD
            Engineering,Hardware,FY 2025,100000,USD
            Sales,Travel,Q1 2025,75000,USD
            Marketing,Advertising,FY 2025,200000,EUR
            """;

    private SeedExample() {
    }
}
