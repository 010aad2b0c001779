package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import java.io.IOException;
import java.util.List;

/**
 * Maps a stored file the one way the import, the preview and the benchmarks all do: the first {@link #SAMPLE_ROWS}
 * data rows are the value evidence, and the file name and the title rows above the header are where a period may
 * stand when no column holds one.
 */
public final class FileMapper {
    public static final int SAMPLE_ROWS = 200;

    private FileMapper() {
    }

    public static MappingResult map(FileContent file, TableLayout layout, MappingOptions options) throws IOException {
        return map(file, layout, TableReader.sample(file, layout, SAMPLE_ROWS), options);
    }

    /** With the first {@link #SAMPLE_ROWS} data rows already read. */
    public static MappingResult map(FileContent file, TableLayout layout, List<DataRow> sample,
                                    MappingOptions options) {
        return new ColumnMapper().map(layout.headers(), sample,
                new FileContext(file.filename(), layout.titleRowsOrEmpty()), options);
    }
}
