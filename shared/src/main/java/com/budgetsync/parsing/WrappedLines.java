package com.budgetsync.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A double-encoded CSV export: each whole line was quoted once more, so {@code Dept,"Cost, centre",10} became
 * {@code "Dept,""Cost, centre"",10"} and a CSV parser sees one field per line. Recognised when most non-blank head
 * lines are wrapped in quotes and hold a delimiter inside; read by unwrapping each line back.
 */
final class WrappedLines extends Reader {
    private static final double SHARE = 0.8;

    private final BufferedReader lines;
    private String pending = "";
    private int position;

    WrappedLines(Reader text) {
        this.lines = new BufferedReader(text);
    }

    static boolean detect(List<String> head) {
        List<String> filled = head.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        long wrapped = filled.stream().filter(WrappedLines::isWrapped).count();
        return filled.size() >= 2 && wrapped >= SHARE * filled.size();
    }

    /** The line as it was before the second encoding; other lines unchanged. */
    static String unwrap(String line) {
        String s = line.strip();
        return isWrapped(s) ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : line;
    }

    private static boolean isWrapped(String line) {
        if (line.length() < 3 || line.charAt(0) != '"' || line.charAt(line.length() - 1) != '"') {
            return false;
        }
        String inner = line.substring(1, line.length() - 1);
        // Inside, every quote is doubled, and a delimiter sits outside any (doubled) quote.
        return inner.replace("\"\"", "").indexOf('"') < 0 && inner.replaceAll("\"\"[^\"]*\"\"", "").matches(".*[,;\t|].*");
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (position >= pending.length()) {
            String line = lines.readLine();
            if (line == null) {
                return -1;
            }
            pending = unwrap(line) + "\n";
            position = 0;
        }
        int n = Math.min(length, pending.length() - position);
        pending.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
