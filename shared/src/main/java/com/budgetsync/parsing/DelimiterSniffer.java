package com.budgetsync.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the delimiter of a text export: the candidate that splits the most lines into the same number of fields.
 * Consistency beats raw counts, so decimal commas in a semicolon file or commas in a banner line do not win.
 */
final class DelimiterSniffer {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DelimiterSniffer() {
    }

    static char sniff(List<String> physicalLines) {
        List<String> lines = records(physicalLines);
        char best = ',';
        long bestScore = 0;
        for (char candidate : CANDIDATES) {
            long score = score(lines, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The head's records: a quoted cell may hold line breaks (a long description), and the prose on its continuation
     * lines (semicolons, commas) must not vote for a delimiter. Lines join while a quote is open; a record the head
     * cuts off is left out. A stray quote that would swallow more than half the head leaves the lines as they are.
     */
    private static List<String> records(List<String> lines) {
        List<String> records = new ArrayList<>();
        StringBuilder open = null;
        int openedAt = 0;
        long quotes = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (open == null) {
                open = new StringBuilder(line);
                openedAt = i;
            } else {
                open.append('\n').append(line);
            }
            quotes += line.chars().filter(c -> c == '"').count();
            if (quotes % 2 == 0) {
                records.add(open.toString());
                open = null;
            }
        }
        boolean swallowed = open != null && lines.size() - openedAt > lines.size() / 2;
        return swallowed || records.isEmpty() ? lines : records;
    }

    /** Lines sharing the most common non-zero field count, weighted by that count. */
    private static long score(List<String> lines, char delimiter) {
        Map<Integer, Integer> linesByCount = new HashMap<>();
        for (String line : lines) {
            int count = countOutsideQuotes(line, delimiter);
            if (count > 0) {
                linesByCount.merge(count, 1, Integer::sum);
            }
        }
        return linesByCount.entrySet().stream()
                .mapToLong(e -> (long) e.getValue() * 1000 + e.getKey())
                .max().orElse(0);
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }
}
