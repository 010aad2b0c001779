package com.budgetsync.rows;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.mapping.Alternative;
import com.budgetsync.mapping.FileMapper;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.mapping.FieldMapping;
import com.budgetsync.mapping.Layout;
import com.budgetsync.mapping.MappingOptions;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.mapping.ReviewQuestion;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.DataRow;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.FileFormat;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.RowStream;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.List;

/**
 * What budget-sync would make of a file, without importing it: how it was read, the mapping with its confidence and
 * reasons, the first normalised rows, the rows it would skip or reject among those it read to find them, and the
 * questions a person must answer before it imports. Behind
 * {@code POST /api/mapping/preview} and the {@code sync-file} command.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MappingPreview(String status, Format format, int headerRow, Layout layout, Fields mapping,
                             List<BudgetRow> rows, List<SkippedRow> skippedRows, List<RowError> errors,
                             List<String> problems, List<ReviewQuestion> questions) {
    public static final int PREVIEW_ROWS = 20;
    /** Reads at most this many data rows looking for the first budget rows, so a preview stays quick. */
    private static final int SCAN_LIMIT = 1000;

    /** How the file was read. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Format(FileFormat format, String charset, String delimiter, String sheet) {
    }

    /** The mapping per field; optional fields the mapper found no column for are null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Fields(Field department, Field fiscalPeriod, Field amount, Field subCategory, Field currency) {
    }

    /**
     * One field's mapping: {@code column} in a long file, {@code columns} (the period headers) in a wide one;
     * {@code fixed} a period (or year) the file states once, in its name or a title row, or the config gives.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String column, List<String> columns, double confidence, String reason,
                        List<Alternative> alternatives, String fixed) {
        static Field of(FieldMapping m) {
            return m == null ? null : new Field(m.column(), m.columns(), m.confidence(), m.reason(),
                    m.alternatives() == null ? List.of() : m.alternatives(), m.fixed());
        }
    }

    public static MappingPreview of(FileContent file, ReadOptions readOptions, MappingOptions mappingOptions,
                                    NormalizeOptions normalizeOptions) throws IOException {
        TableLayout layout = TableReader.detect(file, readOptions);
        List<DataRow> sample = TableReader.sample(file, layout, FileMapper.SAMPLE_ROWS);
        MappingResult result = FileMapper.map(file, layout, sample, mappingOptions);
        ColumnMapping m = result.mapping();
        CollectingSink collected = new CollectingSink();
        if (m.department() != null && m.fiscalPeriod() != null && m.amount() != null) {
            RowNormalizer normalizer = new RowNormalizer(m, normalizeOptions);
            // The sample usually holds the first budget rows: the file (a workbook is slow to open) is read again
            // only when it does not.
            sample.stream().takeWhile(r -> collected.rows().size() < PREVIEW_ROWS)
                    .forEach(r -> normalizer.normalize(r, collected));
            if (collected.rows().size() < PREVIEW_ROWS && sample.size() == FileMapper.SAMPLE_ROWS) {
                try (RowStream rows = TableReader.open(file, layout)) {
                    for (int read = 0; read < SCAN_LIMIT && collected.rows().size() < PREVIEW_ROWS && rows.hasNext();
                         read++) {
                        DataRow row = rows.next();
                        if (read >= sample.size()) {
                            normalizer.normalize(row, collected);
                        }
                    }
                }
            }
        }
        return new MappingPreview(result.needsReview() ? "needs_review" : "ok",
                new Format(layout.format(), layout.charset(),
                        layout.delimiter() == null ? null : String.valueOf(layout.delimiter()), layout.sheet()),
                layout.headerRow(), m.layout(),
                new Fields(Field.of(m.department()), Field.of(m.fiscalPeriod()), Field.of(m.amount()),
                        Field.of(m.subCategory()), Field.of(m.currency())),
                collected.rows().subList(0, Math.min(PREVIEW_ROWS, collected.rows().size())), collected.skipped(),
                collected.errors(), result.problems(), result.questions());
    }
}
