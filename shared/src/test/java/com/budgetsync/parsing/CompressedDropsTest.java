package com.budgetsync.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.testing.Archives;
import com.budgetsync.testing.Workbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** .zip and .gz drops are read through to the budget file inside, under limits that stop hostile archives early. */
class CompressedDropsTest {
    private static final byte[] CSV = "Department,Period,Amount\nSales,2026-01,100\nIT,2026-01,250\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTES = "Exported by FP&A on Monday\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aZipWithOneFileIsReadAsThatFile() throws IOException {
        FileContent zip = FileContent.of("export.zip", Archives.zip("budgets/budget.csv", CSV));
        TableLayout layout = TableReader.detect(zip, ReadOptions.DEFAULT);
        assertEquals(FileFormat.CSV, layout.format());
        assertEquals("budgets/budget.csv", layout.entry());
        assertEquals(List.of("Department", "Period", "Amount"), layout.headers());
        assertEquals(List.of("Sales", "IT"), cells(zip, layout, 0));
    }

    @Test
    void aGzippedCsvIsReadAsTheCsv() throws IOException {
        FileContent gz = FileContent.of("budget.csv.gz", Archives.gzip(CSV));
        TableLayout layout = TableReader.detect(gz, ReadOptions.DEFAULT);
        assertEquals("budget.csv", layout.entry());
        assertEquals(List.of("100", "250"), cells(gz, layout, 2));
    }

    @Test
    void aWorkbookInsideAZipIsReadAsAWorkbook() throws IOException {
        FileContent zip = FileContent.of("export.zip", Archives.zip("Budget FY26.xlsx", workbook()));
        TableLayout layout = TableReader.detect(zip, ReadOptions.DEFAULT);
        assertEquals(FileFormat.XLSX, layout.format());
        assertEquals(List.of("Sales", "IT"), cells(zip, layout, 0));
    }

    @Test
    void aPlainFileHasNoEntryAndAWorkbookIsNotTakenForAnArchive() throws IOException {
        assertNull(TableReader.detect(FileContent.of("budget.csv", CSV), ReadOptions.DEFAULT).entry());
        assertNull(TableReader.detect(FileContent.of("budget.xlsx", workbook()), ReadOptions.DEFAULT).entry());
    }

    @Test
    void clutterAndNonSpreadsheetsAreLeftOutWhenChoosing() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("__MACOSX/._budget.csv", new byte[] {0, 5, 22, 7});
        entries.put("README.txt", NOTES);
        entries.put(".DS_Store", new byte[] {0, 0, 0, 1});
        entries.put("budget.csv", CSV);
        TableLayout layout = TableReader.detect(FileContent.of("export.zip", Archives.zip(entries)),
                ReadOptions.DEFAULT);
        assertEquals("budget.csv", layout.entry());
    }

    @Test
    void severalBudgetFilesAreChosenByTheFilePatternElseListed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("budget-2026.csv", CSV);
        entries.put("actuals-2026.csv", CSV);
        FileContent zip = FileContent.of("export.zip", Archives.zip(entries));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TableReader.detect(zip, ReadOptions.DEFAULT));
        assertEquals("export.zip: the archive holds 2 files (budget-2026.csv, actuals-2026.csv) and the file pattern"
                + " '*.csv,*.xlsx,*.xls,*.zip' matches 2 of them, so which one is the budget is unclear; leave only the"
                + " budget file in the archive, or set the config's sourceConfig.filePattern to match just it"
                + " (e.g. budget*.csv)", e.getMessage());
        assertEquals("budget-2026.csv", TableReader.detect(zip, new ReadOptions(null, "Budget-*.csv")).entry());
        assertTrue(assertThrows(UnreadableFileException.class, () -> TableReader.detect(zip,
                new ReadOptions(null, "*.xlsx"))).getMessage().contains("matches none of them"));
    }

    @Test
    void anArchiveInsideAnArchiveIsNotUnpackedAgain() {
        byte[] inner = Archives.zip("budget.csv", CSV);
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TableReader.detect(
                FileContent.of("export.zip", Archives.zip("inner.zip", inner)), ReadOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("export.zip/inner.zip: this is a zip archive, not a spreadsheet"),
                e.getMessage());
    }

    @Test
    void anEmptyOrCutShortArchiveSaysSo() {
        assertEquals("empty.zip: the archive holds no files", assertThrows(UnreadableFileException.class,
                () -> TableReader.detect(FileContent.of("empty.zip", Archives.zip(Map.of())), ReadOptions.DEFAULT))
                .getMessage());
        byte[] gz = Archives.gzip(CSV);
        assertTrue(assertThrows(UnreadableFileException.class, () -> TableReader.detect(FileContent.of(
                "budget.csv.gz", Arrays.copyOf(gz, gz.length / 2)), ReadOptions.DEFAULT)).getMessage()
                .startsWith("budget.csv.gz: not a readable gzip archive: it is damaged or cut short"));
    }

    /** 200 MB of zeros packs to 200 KB: refused after a few megabytes, in well under a second, with no big buffer. */
    @Test
    void aZipBombIsRefusedEarly() {
        byte[] bomb = Archives.zipBomb("budget.csv", 200);
        UnreadableFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                UnreadableFileException.class, () -> TableReader.detect(FileContent.of("bomb.zip", bomb),
                        ReadOptions.DEFAULT)));
        assertTrue(e.getMessage().startsWith("bomb.zip: the archive unpacks to more than 100 times its own size"),
                e.getMessage());
        byte[] gzipBomb = Archives.gzip(new byte[64 << 20]);
        assertTrue(assertThrows(UnreadableFileException.class, () -> TableReader.detect(FileContent.of(
                "budget.csv.gz", gzipBomb), ReadOptions.DEFAULT)).getMessage().contains("100 times its own size"));
    }

    @Test
    void tenThousandEntriesAreRefusedAtTheLimit() {
        byte[] many = Archives.manyEntries(10_000);
        UnreadableFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                UnreadableFileException.class, () -> TableReader.detect(FileContent.of("parts.zip", many),
                        ReadOptions.DEFAULT)));
        assertEquals("parts.zip: the archive holds more than 1,000 files; it was not read further. Send a zip holding"
                + " the budget file alone", e.getMessage());
    }

    @Test
    void theUnpackedTotalIsCapped() {
        StringBuilder rows = new StringBuilder("Department,Period,Amount\n");
        for (int i = 0; rows.length() < 3 << 20; i++) {
            rows.append("Department ").append(i).append(",2026-01,").append(i * 37 % 1000).append('\n');
        }
        FileContent zip = FileContent.of("big.zip", Archives.zip("budget.csv",
                rows.toString().getBytes(StandardCharsets.UTF_8)));
        UnpackLimits small = new UnpackLimits(10, 2L << 20, 100, 1L << 20);
        assertEquals("big.zip: the archive unpacks to more than 2 MB, more than a budget file holds; it was not read"
                + " further. Send the budget file alone, or split it", assertThrows(UnreadableFileException.class,
                () -> TableReader.detect(zip, ReadOptions.DEFAULT, small)).getMessage());
    }

    private static List<String> cells(FileContent file, TableLayout layout, int column) throws IOException {
        List<String> values = new ArrayList<>();
        try (RowStream rows = TableReader.open(file, layout)) {
            while (rows.hasNext()) {
                values.add(rows.next().cell(column));
            }
        }
        return values;
    }

    private static byte[] workbook() {
        return Workbooks.xlsxOf(new String(CSV, StandardCharsets.UTF_8));
    }
}
