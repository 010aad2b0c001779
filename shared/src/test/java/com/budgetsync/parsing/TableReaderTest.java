package com.budgetsync.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableReaderTest {
    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void sniffsTheDelimiter(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        TableLayout layout = detect("a.csv", String.join(d, "Department", "Period", "Amount") + "\n"
                + String.join(d, "Sales", "FY2025", "\"1,5\"") + "\n", StandardCharsets.UTF_8);
        assertEquals(delimiter, layout.delimiter());
        assertEquals(List.of("Department", "Period", "Amount"), layout.headers());
    }

    @Test
    void decimalCommasDoNotFoolTheSniffer() throws IOException {
        TableLayout layout = detect("a.csv", "Dept;Period;Amount\nSales;2025-01;1.234,50\nIT;2025-01;99,99\n",
                StandardCharsets.UTF_8);
        assertEquals(';', layout.delimiter());
    }

    @Test
    void proseOnTheContinuationLinesOfAQuotedCellDoesNotChooseTheDelimiter() throws IOException {
        String note = "\"Outlays on social protection; see groups (10.1) to (10.7);\nnot health care;\n"
                + "covered by Division 07; see ESSPROS;\nfinal; note\"";
        TableLayout layout = detect("a.csv", "amount,description,department\n"
                + "100," + note + ",Work and Pensions\n200," + note + ",Education\n300,,Health\n",
                StandardCharsets.UTF_8);
        assertEquals(',', layout.delimiter());
        assertEquals(List.of("amount", "description", "department"), layout.headers());
    }

    @Test
    void linesWrappedInOnePairOfQuotesAreUnwrapped() throws IOException {
        FileContent file = FileContent.of("a.csv", ("\"Department,\"\"Cost, centre\"\",Amount\"\n"
                + "\"Parks,\"\"North, East\"\",100\"\n\"Police,Central,200\"\n").getBytes(StandardCharsets.UTF_8));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals(List.of("Department", "Cost, centre", "Amount"), layout.headers());
        assertEquals(List.of("Parks", "North, East", "100"), TableReader.sample(file, layout, 1).get(0).cells());
    }

    @Test
    void rowsAboveTheHeaderAreKeptAsTitleRows() throws IOException {
        TableLayout layout = detect("a.csv", "City budget 2024 – adopted\n\nDepartment,Period,Amount\nParks,2024,1\n"
                + "Police,2024,2\n", StandardCharsets.UTF_8);
        assertEquals(List.of("City budget 2024 – adopted"), layout.titleRows());
    }

    @Test
    void aYearAboveEachGroupOfRepeatedHeadersIsCarriedIntoThem() throws IOException {
        TableLayout layout = detect("a.csv", ",,2013,,2014,\nMinistry,Programme,Net,Conditional,Net,Conditional\n"
                + "Health,Hospitals,100,5,110,6\nDefence,Army,200,7,210,8\n", StandardCharsets.UTF_8);
        assertEquals(List.of("Ministry", "Programme", "2013 Net", "2013 Conditional", "2014 Net", "2014 Conditional"),
                layout.headers());
        TableLayout plain = detect("a.csv", "Budget book,,2013,,2014,\nMinistry,Programme,Net,Conditional,Total,Other\n"
                + "Health,Hospitals,100,5,110,6\nDefence,Army,200,7,210,8\n", StandardCharsets.UTF_8);
        assertEquals("Net", plain.headers().get(2), "headers without repeated names are left as they are");
    }

    @Test
    void aSmallSideTableBesideSomeRowsDoesNotHideTheHeader() throws IOException {
        // Three of twenty rows carry a summary in columns H:J beside the table.
        StringBuilder csv = new StringBuilder("Category,FY2013 Actual,FY2015 Budgeted,Department\n");
        for (int row = 0; row < 20; row++) {
            csv.append("Personal Services,").append(100 + row).append(',').append(110 + row).append(",Dept ")
                    .append(row).append(row >= 4 && row <= 6 ? ",,,Summary,Total," + (1000 + row) : "").append('\n');
        }
        TableLayout layout = detect("a.csv", csv.toString(), StandardCharsets.UTF_8);
        assertEquals(List.of("Category", "FY2013 Actual", "FY2015 Budgeted", "Department"), layout.headers());
    }

    @Test
    void detectsUtf8WithAndWithoutBom() throws IOException {
        byte[] body = "Département,Period,Amount\nSociété,FY2025,1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("UTF-8", TableReader.detect(FileContent.of("a.csv", body), ReadOptions.DEFAULT).charset());
        FileContent withBom = FileContent.of("a.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body));
        TableLayout layout = TableReader.detect(withBom, ReadOptions.DEFAULT);
        assertEquals("Département", layout.headers().get(0));
        assertEquals("Société", TableReader.sample(withBom, layout, 1).get(0).cell(0));
    }

    @Test
    void detectsUtf16WithBom() throws IOException {
        FileContent file = FileContent.of("a.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Department\tAmount\n営業\t5\n".getBytes(StandardCharsets.UTF_16LE)));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals("UTF-16LE", layout.charset());
        assertEquals('\t', layout.delimiter());
        assertEquals("営業", TableReader.sample(file, layout, 1).get(0).cell(0));
    }

    /** The head alone would say UTF-8; a legacy byte far down the file must not turn into a replacement mark. */
    @Test
    void aLegacyByteBeyondTheHeadStillMeansWindows1252() throws IOException {
        StringBuilder text = new StringBuilder("Department,Amount\n");
        while (text.length() < 200_000) {
            text.append("Parks,1\n");
        }
        text.append("Café,2\n");
        FileContent file = FileContent.of("a.csv", text.toString().getBytes(Charset.forName("windows-1252")));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals("windows-1252", layout.charset());
        List<DataRow> rows = TableReader.sample(file, layout, Integer.MAX_VALUE);
        assertEquals("Café", rows.get(rows.size() - 1).cell(0));
    }

    @Test
    void fallsBackToWindows1252() throws IOException {
        FileContent file = FileContent.of("a.csv", "Department,Amount\nSociété,€5\n".getBytes(Charset.forName("windows-1252")));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals("windows-1252", layout.charset());
        assertEquals(List.of("Société", "€5"), TableReader.sample(file, layout, 1).get(0).cells());
    }

    @Test
    void findsTheHeaderUnderBannersAndBlankRows() throws IOException {
        TableLayout layout = detect("a.csv", """
                Budget FY2025 – exported 2025-02-05
                Company:,Acme
                
                Department,Category,Period,Amount,Currency
                Sales,Travel,FY2025,100,USD
                """, StandardCharsets.UTF_8);
        assertEquals(3, layout.headerRow());
        assertEquals("Department", layout.headers().get(0));
    }

    @Test
    void aBannerSpreadOverCellsOrAGroupingRowIsNotTheHeader() throws IOException {
        TableLayout layout = detect("a.csv", """
                Company:,Acme,Version:,Budget
                ,,Plan,Plan
                Department,Category,Period,Amount
                Sales,Travel,FY2025,
                Sales,Events,FY2025,100
                """, StandardCharsets.UTF_8);
        assertEquals(2, layout.headerRow());
    }

    @Test
    void yearsMayBeHeadersButAmountsMayNot() throws IOException {
        TableLayout layout = detect("a.csv", "Totals,,\nDepartment,2024,2025\nSales,100,200\n", StandardCharsets.UTF_8);
        assertEquals(1, layout.headerRow());
        assertEquals(List.of("Department", "2024", "2025"), layout.headers());
    }

    @Test
    void aDataRowWithoutAPlainNumberIsNotTakenForTheHeader() throws IOException {
        TableLayout scientific = detect("a.csv", "Department,Period,Amount\nSales,2025-01,1e308\nIT,2025-02,1.5E+07\n"
                + "HR,2025-03,99\n", StandardCharsets.UTF_8);
        assertEquals(List.of("Department", "Period", "Amount"), scientific.headers());
        TableLayout missing = detect("a.csv", "Department,Period,Amount\nSales,2025-01,n/a\nIT,2025-02,TBD\n"
                + "HR,2025-03,99\n", StandardCharsets.UTF_8);
        assertEquals(0, missing.headerRow(), "rows shaped like the data below them are data, however full");
        TableLayout suffixed = detect("a.csv", "Abteilung;Monat;Betrag\nVertrieb;Januar 2025;1.234,56 €\n",
                StandardCharsets.UTF_8);
        assertEquals(0, suffixed.headerRow());
    }

    @Test
    void rowsKeepTheirSpreadsheetNumbersAndQuotedLineBreaks() throws IOException {
        FileContent file = FileContent.of("a.csv", "Title\nDept,Note,Amount\n\"Sales, EMEA\",\"two\nlines\",1\n\nIT,x,2\n"
                .getBytes(StandardCharsets.UTF_8));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        List<DataRow> rows = TableReader.sample(file, layout, 10);
        assertEquals(new DataRow(3, List.of("Sales, EMEA", "two\nlines", "1")), rows.get(0));
        assertEquals(4, rows.get(1).rowNumber());
        assertEquals(true, rows.get(1).isBlank());
        assertEquals(new DataRow(5, List.of("IT", "x", "2")), rows.get(2));
    }

    @Test
    void aFileWithoutATableIsUnreadable() {
        assertThrows(UnreadableFileException.class, () -> detect("a.csv", "just a note\nanother line\n",
                StandardCharsets.UTF_8));
    }

    @Test
    void picksTheBudgetSheetAndReadsCellsExactly() throws IOException {
        FileContent file = workbook();
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals("Budget", layout.sheet());
        assertEquals(1, layout.headerRow());
        List<DataRow> rows = TableReader.sample(file, layout, 10);
        assertEquals(List.of("Engineering", "2025-01-01", "10000000", "0.3"), rows.get(0).cells());
        assertEquals(3, rows.get(0).rowNumber());
    }

    @Test
    void readsTheSheetTheConfigNames() throws IOException {
        FileContent file = workbook();
        assertEquals("Notes", TableReader.detect(file, new ReadOptions("notes")).sheet());
        assertThrows(UnreadableFileException.class, () -> TableReader.detect(file, new ReadOptions("Missing")));
    }

    @Test
    void theContentDecidesTheFormatNotTheName() throws IOException {
        byte[] xlsx = workbook().open().readAllBytes();
        assertEquals(FileFormat.XLSX, TableReader.detect(FileContent.of("export.csv", xlsx), ReadOptions.DEFAULT).format());
        FileContent csvNamedXls = FileContent.of("report.xls", "Dept,Amount\nIT,1\n".getBytes(StandardCharsets.UTF_8));
        TableLayout layout = TableReader.detect(csvNamedXls, ReadOptions.DEFAULT);
        assertEquals(FileFormat.CSV, layout.format());
        assertEquals("IT", TableReader.sample(csvNamedXls, layout, 1).get(0).cell(0));
    }

    @Test
    void aCorruptWorkbookIsUnreadable() {
        FileContent file = FileContent.of("a.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3});
        assertThrows(UnreadableFileException.class, () -> TableReader.detect(file, ReadOptions.DEFAULT));
    }

    static Stream<Arguments> notSpreadsheets() throws IOException {
        // a .tar.gz unpacks to a tar, which is not read (zip and gzip drops are: CompressedDropsTest)
        byte[] tar = new byte[512];
        System.arraycopy(bytes("budget.csv"), 0, tar, 0, 10);
        System.arraycopy(bytes("ustar"), 0, tar, 257, 5);
        byte[] bmp = new byte[64];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[2] = 64;
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        return Stream.of(
                Arguments.of("a.csv", bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "this is a PDF document"),
                Arguments.of("a.xlsx", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0},
                        "this is an image (PNG)"),
                Arguments.of("a.xls", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10},
                        "this is an image (JPEG)"),
                Arguments.of("a.csv", bytes("GIF89a\u0001\u0000"), "this is an image (GIF)"),
                Arguments.of("a.csv", bmp, "this is an image (BMP)"),
                Arguments.of("a.csv", new byte[] {'I', 'I', '*', 0, 8, 0, 0, 0}, "this is an image (TIFF)"),
                Arguments.of("a.csv", bytes("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "), "this is an image (WebP)"),
                Arguments.of("a.csv", tar, "this is a tar archive"),
                Arguments.of("a.csv", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4},
                        "this is a 7-Zip archive"),
                Arguments.of("a.csv", bytes("Rar!\u001A\u0007\u0001\u0000"), "this is a RAR archive"),
                Arguments.of("a.csv", exe, "this is a program"),
                Arguments.of("a.csv", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, "this is a program"),
                Arguments.of("export.csv", "\uFEFF\n  <!DOCTYPE html>\n<html><body>Please sign in</body></html>"
                        .getBytes(StandardCharsets.UTF_8),
                        "this is a web page (HTML)"),
                Arguments.of("export.csv", bytes("<HTML><head><title>500</title></head></HTML>"),
                        "this is a web page (HTML)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("notSpreadsheets")
    void filesThatAreNotSpreadsheetsAreRefusedAsWhatTheyAre(String filename, byte[] content, String what) {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TableReader.detect(FileContent.of(filename, content), ReadOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith(filename + ": " + what), e.getMessage());
        assertTrue(e.getMessage().contains("not a spreadsheet"), e.getMessage());
    }

    @Test
    void textThatMerelyStartsLikeASignatureIsStillCsv() throws IOException {
        assertEquals(List.of("BMW", "MZ Region", "Amount"), detect("a.csv", "BMW,MZ Region,Amount\nX5,North,1\n",
                StandardCharsets.UTF_8).headers());
        assertEquals(List.of("MZ", "Amount"), detect("a.csv", "MZ,Amount\nIT,1\n", StandardCharsets.UTF_8).headers());
    }

    @Test
    void anEmptyFileSaysItIsEmptyAndAHeaderAloneSaysItHasNoRows() {
        assertEquals("a.csv: the file is empty", assertThrows(UnreadableFileException.class,
                () -> detect("a.csv", "", StandardCharsets.UTF_8)).getMessage());
        assertEquals("a.csv: the file is empty", assertThrows(UnreadableFileException.class,
                () -> detect("a.csv", "\uFEFF\n \n,,\n", StandardCharsets.UTF_8)).getMessage());
        assertEquals("a.csv: the file has a header row but no rows of data", assertThrows(UnreadableFileException.class,
                () -> detect("a.csv", "Department,Period,Amount\n\n", StandardCharsets.UTF_8)).getMessage());
    }

    @Test
    void nulCharactersAreDroppedFromCellsAndCounted() throws IOException {
        FileContent file = FileContent.of("a.csv", "Dept\u0000,Amount\nI\u0000T\u0000,1\nSales,2\n"
                .getBytes(StandardCharsets.UTF_8));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        assertEquals(List.of("Dept", "Amount"), layout.headers());
        try (RowStream rows = TableReader.open(file, layout)) {
            assertEquals(List.of("IT", "1"), rows.next().cells());
            assertEquals(List.of("Sales", "2"), rows.next().cells());
            assertEquals(2, rows.cellsWithNulsDropped());
        }
    }

    @Test
    void anEmptyWorkbookAndAHeaderOnlySheetSaySo() throws IOException {
        try (XSSFWorkbook empty = new XSSFWorkbook(); XSSFWorkbook headerOnly = new XSSFWorkbook();
             ByteArrayOutputStream a = new ByteArrayOutputStream(); ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            empty.createSheet("Sheet1");
            empty.write(a);
            Row header = headerOnly.createSheet("Budget").createRow(0);
            header.createCell(0).setCellValue("Department");
            header.createCell(1).setCellValue("Amount");
            headerOnly.createSheet("Notes");
            headerOnly.write(b);
            assertEquals("a.xlsx: the file is empty", assertThrows(UnreadableFileException.class,
                    () -> TableReader.detect(FileContent.of("a.xlsx", a.toByteArray()), ReadOptions.DEFAULT))
                    .getMessage());
            assertEquals("b.xlsx: the file has a header row but no rows of data", assertThrows(
                    UnreadableFileException.class, () -> TableReader.detect(FileContent.of("b.xlsx", b.toByteArray()),
                            new ReadOptions("Budget"))).getMessage());
        }
    }

    /** An OpenDocument spreadsheet is a zip too, but a spreadsheet: it gets the workbook reader's advice. */
    @Test
    void anOpenDocumentSpreadsheetIsNotCalledAnArchive() throws IOException {
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(ods)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(mimetype);
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> TableReader.detect(FileContent.of("budget.xlsx", ods.toByteArray()), ReadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("OpenDocument spreadsheet (.ods)"), e.getMessage());
    }

    @Test
    void nulCharactersAreDroppedFromWorkbookCellsToo() throws IOException {
        // .xls (BIFF) stores the character as it is; an .xlsx writer would replace it before it reached the file
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Budget");
            sheet.createRow(0).createCell(0).setCellValue("Dept");
            sheet.getRow(0).createCell(1).setCellValue("Amount");
            sheet.createRow(1).createCell(0).setCellValue("I\u0000T");
            sheet.getRow(1).createCell(1).setCellValue(1);
            book.write(out);
            FileContent file = FileContent.of("a.xls", out.toByteArray());
            TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
            try (RowStream rows = TableReader.open(file, layout)) {
                assertEquals("IT", rows.next().cell(0));
                assertEquals(1, rows.cellsWithNulsDropped());
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static FileContent workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet notes = workbook.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Owner");
            notes.getRow(0).createCell(1).setCellValue("Comment");
            notes.createRow(1).createCell(0).setCellValue("Ann");
            notes.getRow(1).createCell(1).setCellValue("draft");
            Sheet budget = workbook.createSheet("Budget");
            budget.createRow(0).createCell(0).setCellValue("FY2025 budget");
            Row header = budget.createRow(1);
            String[] names = {"Department", "Month", "Amount", "Share"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("mmm-yy"));
            Row row = budget.createRow(2);
            row.createCell(0).setCellValue("Engineering");
            row.createCell(1).setCellValue(LocalDate.of(2025, 1, 1));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(1.0E7);
            row.createCell(3).setCellFormula("0.1+0.2");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return FileContent.of("budget.xlsx", out.toByteArray());
        }
    }

    private static TableLayout detect(String name, String text, Charset charset) throws IOException {
        return TableReader.detect(FileContent.of(name, text.getBytes(charset)), ReadOptions.DEFAULT);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
