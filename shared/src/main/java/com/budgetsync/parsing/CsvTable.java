package com.budgetsync.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Delimited text exports: encoding and delimiter sniffed from the head, quoted fields may hold delimiters and line
 * breaks. Blank lines are kept as blank rows so that row numbers match what a spreadsheet shows.
 */
final class CsvTable {
    private static final int SNIFF_LINES = 50;

    private CsvTable() {
    }

    static TableLayout detect(FileContent file) throws IOException {
        String charset = TextEncoding.detect(file);
        List<String> lines = headLines(file, charset);
        boolean wrapped = WrappedLines.detect(lines);
        char delimiter = DelimiterSniffer.sniff(wrapped ? lines.stream().map(WrappedLines::unwrap).toList() : lines);
        List<DataRow> head = new ArrayList<>();
        try (RawRows rows = rows(file, charset, delimiter, wrapped)) {
            DataRow row;
            while (head.size() < HeaderRowFinder.HEAD_ROWS && (row = rows.next()) != null) {
                head.add(row);
            }
        } catch (UncheckedIOException e) {
            throw ReadFailures.csv(file.filename(), e);
        }
        DataRow header = HeaderRowFinder.find(head).orElseThrow(() -> NoTable.reason(file.filename(), List.of(head),
                file.filename() + ": no header row found (no row of labels above rows of values in the first "
                        + HeaderRowFinder.HEAD_ROWS + " lines)"));
        return new TableLayout(FileFormat.CSV, charset, delimiter, null, (int) header.rowNumber() - 1,
                GroupedHeaders.apply(Headers.clean(header.cells()), head, header), TitleRows.above(head, header),
                wrapped);
    }

    static RowStream open(FileContent file, TableLayout layout) throws IOException {
        return new DataRowStream(rows(file, layout.charset(), layout.delimiter(), layout.wrappedLines()), layout);
    }

    private static List<String> headLines(FileContent file, String charset) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(TextEncoding.reader(file, charset))) {
            String line;
            while (lines.size() < SNIFF_LINES && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static RawRows rows(FileContent file, String charset, char delimiter, boolean wrapped) throws IOException {
        Reader text = new BufferedReader(TextEncoding.reader(file, charset), 1 << 16);
        Reader reader = wrapped ? new WrappedLines(text) : text;
        CSVParser parser = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false)
                .get().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        return new NulFreeRows(new RawRows() {
            @Override
            public DataRow next() {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                // the parser's own array, not a copy made through a stream (toList): one row at a time is read
                return new DataRow(record.getRecordNumber(), Arrays.asList(record.values()));
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        });
    }
}
