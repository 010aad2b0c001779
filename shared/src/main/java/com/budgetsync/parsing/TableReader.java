package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Entry point of file reading: detects a file's layout, then streams its data rows. */
public final class TableReader {
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private TableReader() {
    }

    /** The format a file's name claims; {@link #detect} trusts the file's content over it. */
    public static FileFormat formatOf(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return FileFormat.XLSX;
        }
        if (name.endsWith(".xls")) {
            return FileFormat.XLS;
        }
        return FileFormat.CSV;
    }

    /**
     * Reads the head of the file to find format, encoding, delimiter, sheet and header row. The format comes from the
     * file's first bytes, not its name: tools that save CSV as "report.xls", or workbooks renamed ".csv", are common.
     * A compressed drop (.zip, .gz) is read through to the budget file inside, which the layout names as its entry.
     */
    public static TableLayout detect(FileContent file, ReadOptions options) throws IOException {
        return detect(file, options, UnpackLimits.DEFAULT);
    }

    static TableLayout detect(FileContent file, ReadOptions options, UnpackLimits limits) throws IOException {
        CompressedDrops.Unpacked unpacked = CompressedDrops.unpack(file, options, limits);
        FileContent content = unpacked.content();
        Optional<UnreadableFileException> refusal = FileSignatures.refusal(content);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        FileFormat format = sniffFormat(content);
        TableLayout layout = format == FileFormat.CSV ? CsvTable.detect(content)
                : ExcelTable.detect(content, format, options);
        return layout.withEntry(unpacked.entry());
    }

    private static FileFormat sniffFormat(FileContent file) throws IOException {
        byte[] head;
        try (InputStream in = file.open()) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, ZIP)) {
            return FileFormat.XLSX;
        }
        return startsWith(head, OLE2) ? FileFormat.XLS : FileFormat.CSV;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    public static RowStream open(FileContent file, TableLayout layout) throws IOException {
        FileContent content = CompressedDrops.entry(file, layout.entry(), UnpackLimits.DEFAULT);
        return layout.format() == FileFormat.CSV ? CsvTable.open(content, layout) : ExcelTable.open(content, layout);
    }

    /** The first {@code limit} data rows: the evidence the mapper reads values from. */
    public static List<DataRow> sample(FileContent file, TableLayout layout, int limit) throws IOException {
        List<DataRow> rows = new ArrayList<>();
        try (RowStream stream = open(file, layout)) {
            while (stream.hasNext() && rows.size() < limit) {
                rows.add(stream.next());
            }
        }
        return rows;
    }
}
