package com.budgetsync.api.review;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.rows.MappingPreview;
import com.budgetsync.parsing.DataRow;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.MappingSettings;
import java.io.IOException;
import java.util.List;

/**
 * A file as a person reviews it: the header and the first rows as the file has them (a grid), beside the mapping
 * preview, all read with a config's options (pins, threshold, sheet, default currency) exactly as a run would.
 *
 * @param headers the header cells, in column order
 * @param rows    the first data rows' cells, as text
 * @param preview format, mapping (field ← column, confidence, reason, alternatives), problems, first budget rows
 */
public record FilePreview(List<String> headers, List<List<String>> rows, MappingPreview preview) {
    public static final int GRID_ROWS = 15;

    public static FilePreview of(FileContent file, ConfigOptions options, ReadOptions read, int fiscalYearStartMonth)
            throws IOException {
        TableLayout layout = TableReader.detect(file, read);
        List<List<String>> rows = TableReader.sample(file, layout, GRID_ROWS).stream().map(DataRow::cells).toList();
        MappingPreview preview = MappingPreview.of(file, read, MappingSettings.options(options),
                MappingSettings.normalize(options, fiscalYearStartMonth));
        return new FilePreview(layout.headers(), rows, preview);
    }
}
