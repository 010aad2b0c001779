package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * {@code .xlsx} read in streaming fashion: the package is opened from a temporary copy (random access to the zip
 * without loading it) and a sheet's XML is pulled row by row ({@link XlsxSheetRows}), so memory stays bounded by the
 * shared strings, not by the number of rows.
 */
final class XlsxWorkbook implements Workbook {
    private final Path copy;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;

    private XlsxWorkbook(Path copy, OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
        this.copy = copy;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg);
        this.styles = reader.getStylesTable();
    }

    static XlsxWorkbook open(FileContent file) throws IOException {
        Path copy = Files.createTempFile("budget-sync-", ".xlsx");
        OPCPackage pkg = null;
        try {
            try (InputStream in = file.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(copy, pkg);
        } catch (UnreadableFileException e) {
            discard(pkg, copy);
            throw e; // already in words: a compressed drop past its limits
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            discard(pkg, copy);
            throw ReadFailures.xlsx(file.filename(), e);
        } catch (IOException e) {
            discard(pkg, copy);
            throw e;
        }
    }

    private static void discard(OPCPackage pkg, Path copy) throws IOException {
        try {
            if (pkg != null) {
                pkg.revert();
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public List<String> sheetNames() throws IOException {
        List<String> names = new ArrayList<>();
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
        } catch (InvalidFormatException e) {
            // put in words, with the file's name, by ExcelTable
            throw new IOException("cannot list the workbook's sheets", e);
        }
        return names;
    }

    @Override
    public RawRows rows(String sheet) throws IOException {
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                InputStream in = sheets.next();
                if (sheets.getSheetName().equals(sheet)) {
                    return new XlsxSheetRows(in, strings, styles);
                }
                in.close();
            }
        } catch (InvalidFormatException e) {
            throw new IOException("cannot read sheet '" + sheet + "'", e);
        }
        throw new UnreadableFileException("the workbook has no sheet named '" + sheet + "'");
    }

    @Override
    public void close() throws IOException {
        discard(pkg, copy);
    }
}
