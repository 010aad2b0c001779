package com.budgetsync.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Delimited text files (first version: UTF-8, delimiter sniffed among comma, semicolon, tab, pipe). */
final class CsvTable {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvTable() {
    }

    static TableLayout detect(FileContent file) throws IOException {
        char delimiter = sniffDelimiter(file);
        try (Reader reader = reader(file); CSVParser parser = format(delimiter).parse(reader)) {
            int index = 0;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().filter(c -> !c.isBlank()).count() >= 2) {
                    return new TableLayout(FileFormat.CSV, "UTF-8", delimiter, null, index,
                            cells.stream().map(String::trim).toList());
                }
                index++;
            }
        } catch (UncheckedIOException e) {
            throw new UnreadableFileException(file.filename() + ": " + e.getCause().getMessage(), e);
        }
        throw new UnreadableFileException(file.filename() + ": no header row found (the file has no row with two or more values)");
    }

    static RowStream open(FileContent file, TableLayout layout) throws IOException {
        Reader reader = reader(file);
        CSVParser parser = format(layout.delimiter()).parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        for (int i = 0; i <= layout.headerRow() && records.hasNext(); i++) {
            records.next();
        }
        return new RowStream() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public DataRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record = records.next();
                return new DataRow(record.getRecordNumber(), record.toList());
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }

    private static Reader reader(FileContent file) throws IOException {
        return new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
    }

    private static char sniffDelimiter(FileContent file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && lines.size() < 20) {
                lines.add(line);
            }
        }
        char best = ',';
        long bestCount = -1;
        for (char candidate : DELIMITERS) {
            long count = lines.stream().mapToLong(l -> l.chars().filter(ch -> ch == candidate).count()).sum();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
