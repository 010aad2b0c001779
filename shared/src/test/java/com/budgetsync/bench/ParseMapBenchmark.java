package com.budgetsync.bench;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.FileMapper;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadAhead;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.RowStream;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.RowNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Throughput of the import's reading path (detect + sample + map + normalise every row), on generated files: a
 * 1,000,000-row CSV and a 100,000-row .xlsx. Not a test and not part of the product: run {@link #main} by hand (test classpath) to measure the reading path alone.
 */
public final class ParseMapBenchmark {
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "People",
            "Customer Success", "Operations", "Legal", "IT", "Research, Development"};
    private static final String[] CATEGORIES = {"Salaries", "Software", "Hardware", "Travel", "Events", "Rent",
            "Training", "Consulting"};
    private static final String[] PERIODS = {"FY 2025", "Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025", "2025-01",
            "Jan-25", "FY25"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final String[] HEADERS = {"Department", "Sub Category", "Fiscal Period", "Budget Amount",
            "Currency"};

    /** What one run did and how fast. */
    public record Result(String file, long rows, long budgetRows, long errors, long skipped, long elapsedMillis,
                         double rowsPerSecond, boolean needsReview) {
    }

    private ParseMapBenchmark() {
    }

    public static Path generateCsv(Path dir, int rows) throws IOException {
        Path file = dir.resolve("bench-" + rows + ".csv");
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADERS));
            out.newLine();
            for (int i = 0; i < rows; i++) {
                String department = pick(random, DEPARTMENTS);
                out.write(department.contains(",") ? '"' + department + '"' : department);
                out.write(',');
                out.write(pick(random, CATEGORIES));
                out.write(',');
                out.write(pick(random, PERIODS));
                out.write(',');
                long cents = random.nextInt(100_000_000);
                // Every fourth amount is written the way spreadsheets export it: "12,345.67" in quotes.
                out.write(i % 4 == 0 ? String.format("\"%,d.%02d\"", cents / 100, cents % 100)
                        : (cents / 100) + "." + String.format("%02d", cents % 100));
                out.write(',');
                out.write(pick(random, CURRENCIES));
                out.newLine();
            }
        }
        return file;
    }

    public static Path generateXlsx(Path dir, int rows) throws IOException {
        Path file = dir.resolve("bench-" + rows + ".xlsx");
        Random random = new Random(42);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Budget");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(pick(random, DEPARTMENTS));
                row.createCell(1).setCellValue(pick(random, CATEGORIES));
                row.createCell(2).setCellValue(pick(random, PERIODS));
                row.createCell(3).setCellValue(random.nextInt(100_000_000) / 100.0);
                row.createCell(4).setCellValue(pick(random, CURRENCIES));
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
        return file;
    }

    /** Detects, samples, maps and normalises every row of the file, as the import does minus the database. */
    public static Result run(Path path) throws IOException {
        long start = System.nanoTime();
        FileContent file = FileContent.of(path);
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        MappingResult mapping = FileMapper.map(file, layout, MappingOptions.DEFAULT);
        Counter counter = new Counter();
        RowNormalizer normalizer = new RowNormalizer(mapping.mapping(), NormalizeOptions.DEFAULT);
        try (RowStream rows = new ReadAhead(TableReader.open(file, layout))) {
            while (rows.hasNext()) {
                counter.rows++;
                normalizer.normalize(rows.next(), counter);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(path.getFileName().toString(), counter.rows, counter.budgets, counter.errors,
                counter.skipped, millis, counter.rows * 1000.0 / Math.max(1, millis), mapping.needsReview());
    }

    /** {@code ParseMapBenchmark <dir> [csvRows] [xlsxRows]}: generates both files into dir (once) and runs them. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int csvRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int xlsxRows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Files.createDirectories(dir);
        // Generated files are deterministic: reuse them across runs.
        Path csv = dir.resolve("bench-" + csvRows + ".csv");
        Path xlsx = dir.resolve("bench-" + xlsxRows + ".xlsx");
        for (Path file : new Path[] {Files.exists(csv) ? csv : generateCsv(dir, csvRows),
                Files.exists(xlsx) ? xlsx : generateXlsx(dir, xlsxRows)}) {
            Result result = run(file);
            System.out.printf("%s: %,d rows → %,d budget rows, %d errors, %d skipped in %,d ms (%,.0f rows/s), "
                            + "max heap %d MB%n", result.file(), result.rows(), result.budgetRows(), result.errors(),
                    result.skipped(), result.elapsedMillis(), result.rowsPerSecond(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static final class Counter implements RowNormalizer.Sink {
        long rows;
        long budgets;
        long errors;
        long skipped;

        @Override
        public void budget(BudgetRow row) {
            budgets++;
        }

        @Override
        public void error(RowError error) {
            errors++;
        }

        @Override
        public void skipped(SkippedRow row) {
            skipped++;
        }
    }
}
