package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Legacy {@code .xls} (BIFF8) through POI HSSF. The format caps a sheet at 65,536 rows, so loading it is bounded. */
final class XlsWorkbook implements Workbook {
    private final HSSFWorkbook workbook;

    private XlsWorkbook(HSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    static XlsWorkbook open(FileContent file) throws IOException {
        try (InputStream in = file.open()) {
            return new XlsWorkbook(new HSSFWorkbook(in));
        } catch (UnreadableFileException e) {
            throw e; // already in words: a compressed drop past its limits
        } catch (RuntimeException e) {
            throw ReadFailures.xls(file.filename(), e);
        } catch (IOException e) {
            // POI says "not a workbook" with a plain IOException too; one from the database stays what it is
            if (ReadFailures.fromDatabase(e)) {
                throw e;
            }
            throw ReadFailures.xls(file.filename(), e);
        }
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    public RawRows rows(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        Iterator<Row> rows = sheet.rowIterator();
        return new RawRows() {
            @Override
            public DataRow next() {
                return rows.hasNext() ? toDataRow(rows.next()) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static DataRow toDataRow(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : text(cell));
        }
        return new DataRow(row.getRowNum() + 1L, cells);
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? ExcelValues.date(cell.getNumericCellValue())
                    : ExcelValues.number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            // "#DIV/0!" as Excel shows it, so the row error names what the cell holds.
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
