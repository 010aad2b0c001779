package com.budgetsync.api.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench's budget files: rows of 100 sub-categories × 10 months per department (2025-01..2025-10), so n rows are
 * n / 1000 departments. A variant changes every {@code changeEvery}-th amount, as a re-forecast would.
 */
final class BenchData {
    static final String HEADER = "Department,Sub Category,Fiscal Period,Amount,Currency";
    static final int SUBS = 100;
    static final int MONTHS = 10;

    private BenchData() {
    }

    static Path write(Path dir, String name, int rows, int changeEvery) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int i = 0; i < rows; i++) {
                long cents = 100_000 + (i * 7919L) % 10_000_000 + (changeEvery > 0 && i % changeEvery == 0 ? 100 : 0);
                out.write(department(i / (SUBS * MONTHS)) + "," + subCategory((i / MONTHS) % SUBS) + ",2025-"
                        + String.format("%02d", i % MONTHS + 1) + "," + cents / 100 + "." + String.format("%02d", cents % 100)
                        + ",USD");
                out.newLine();
            }
        }
        return file;
    }

    /** A copy of {@code file} without every {@code dropEvery}-th row, as a plan that closes budgets would be. */
    static Path dropping(Path file, String name, int dropEvery) throws IOException {
        Path copy = file.resolveSibling(name);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            out.write(in.readLine());
            out.newLine();
            int row = 0;
            for (String line = in.readLine(); line != null; line = in.readLine(), row++) {
                if (row % dropEvery != 0) {
                    out.write(line);
                    out.newLine();
                }
            }
        }
        return copy;
    }

    static String department(int n) {
        return "Dept " + String.format("%05d", n);
    }

    static String subCategory(int n) {
        return "Sub " + String.format("%03d", n);
    }
}
