package com.budgetsync.parsing;

import java.util.List;

/** Why a file holds no table, said plainly when it can be: it is empty, or it has a header and no rows under it. */
final class NoTable {
    private NoTable() {
    }

    /** {@code heads}: the first rows of each sheet read (one for a text file); {@code otherwise} when neither holds. */
    static UnreadableFileException reason(String filename, List<List<DataRow>> heads, String otherwise) {
        if (heads.stream().flatMap(List::stream).allMatch(DataRow::isBlank)) {
            return ReadFailures.empty(filename);
        }
        if (heads.stream().anyMatch(HeaderRowFinder::headerWithoutRows)) {
            return ReadFailures.noRows(filename);
        }
        return new UnreadableFileException(otherwise);
    }
}
