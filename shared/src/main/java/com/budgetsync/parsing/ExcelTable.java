package com.budgetsync.parsing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Excel workbooks: the budget table's sheet is the one named in the read options, else the sheet whose header has
 * the most rows of numbers below it (so an instructions or lookup sheet in front of the budget is passed over).
 */
final class ExcelTable {
    private ExcelTable() {
    }

    static TableLayout detect(FileContent file, FileFormat format, ReadOptions options) throws IOException {
        try {
            return detectIn(file, format, options);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a damaged workbook fails deep inside the library; one from the database stays what it is
            if (ReadFailures.fromDatabase(e)) {
                throw e;
            }
            throw ReadFailures.workbook(file.filename(), format, e);
        }
    }

    private static TableLayout detectIn(FileContent file, FileFormat format, ReadOptions options) throws IOException {
        try (Workbook workbook = Workbook.open(file, format)) {
            List<String> sheets = workbook.sheetNames();
            if (options.sheet() != null) {
                String sheet = sheets.stream().filter(s -> s.equalsIgnoreCase(options.sheet().trim())).findFirst()
                        .orElseThrow(() -> new UnreadableFileException(file.filename() + ": no sheet named '"
                                + options.sheet() + "' (sheets: " + String.join(", ", sheets) + ")"));
                List<DataRow> head = head(file, format, workbook, sheet);
                return candidate(head, sheet, format).map(Candidate::layout).orElseThrow(() -> NoTable.reason(
                        file.filename(), List.of(head), file.filename() + ": sheet '" + sheet + "' has no header row"));
            }
            List<List<DataRow>> heads = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            for (String sheet : sheets) {
                List<DataRow> head = head(file, format, workbook, sheet);
                heads.add(head);
                candidate(head, sheet, format).ifPresent(candidates::add);
            }
            return candidates.stream().max(Comparator.comparingInt(Candidate::numericRows)).map(Candidate::layout)
                    .orElseThrow(() -> NoTable.reason(file.filename(), heads, file.filename()
                            + ": no sheet has a header row above rows of values (sheets: " + String.join(", ", sheets) + ")"));
        }
    }

    static RowStream open(FileContent file, TableLayout layout) throws IOException {
        Workbook workbook = Workbook.open(file, layout.format());
        RawRows rows = new SheetRows(file, layout.format(), layout.sheet(),
                new NulFreeRows(workbook.rows(layout.sheet())));
        return new DataRowStream(new RawRows() {
            @Override
            public DataRow next() throws IOException {
                return rows.next();
            }

            @Override
            public long cellsWithNulsDropped() {
                return rows.cellsWithNulsDropped();
            }

            @Override
            public void close() throws IOException {
                try (workbook) {
                    rows.close();
                }
            }
        }, layout);
    }

    private static List<DataRow> head(FileContent file, FileFormat format, Workbook workbook, String sheet)
            throws IOException {
        List<DataRow> head = new ArrayList<>();
        try (RawRows rows = new SheetRows(file, format, sheet, new NulFreeRows(workbook.rows(sheet)))) {
            DataRow row;
            while (head.size() < HeaderRowFinder.HEAD_ROWS && (row = rows.next()) != null) {
                head.add(row);
            }
        }
        return head;
    }

    private static Optional<Candidate> candidate(List<DataRow> head, String sheet, FileFormat format) {
        return HeaderRowFinder.find(head).map(header -> new Candidate(
                new TableLayout(format, null, null, sheet, (int) header.rowNumber() - 1,
                        GroupedHeaders.apply(Headers.clean(header.cells()), head, header), TitleRows.above(head, header),
                        false),
                HeaderRowFinder.numericRowsBelow(head, header)));
    }

    private record Candidate(TableLayout layout, int numericRows) {
    }
}
