package com.budgetsync.worker.importing;

import com.budgetsync.db.SyncHistoryDao;
import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import com.budgetsync.normalize.MatchKey;
import com.budgetsync.parsing.DataRow;
import com.budgetsync.parsing.RowStream;
import com.budgetsync.rows.RowNormalizer;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a file's rows through the normaliser into a COPY ({@link CopyTarget}): budget rows go to COPY,
 * row errors are counted (the first thousand kept with their details), blank and total rows counted as skipped.
 */
final class StagedRows implements RowNormalizer.Sink {
    private final CopyRowWriter out;
    private final ImportProgress progress;
    private final CopyTarget target;
    private static final int MAX_SKIPPED_REPORTED = 100;

    final List<RowError> errors = new ArrayList<>();
    final KeyHashes keys = new KeyHashes();
    final List<String> skippedReport = new ArrayList<>();
    /** The warning about NUL characters dropped from cells, if the file had any. */
    String nulReport;
    long budgetRows;
    long errorCount;
    long skipped;
    private SQLException failure;

    StagedRows(CopyRowWriter out, ImportProgress progress, CopyTarget target) {
        this.out = out;
        this.progress = progress;
        this.target = target;
    }

    void stream(RowStream rows, RowNormalizer normalizer) throws IOException, SQLException {
        long read = 0;
        while (rows.hasNext()) {
            DataRow row = rows.next();
            normalizer.normalize(row, this);
            if (failure != null) {
                throw failure;
            }
            if (++read % ImportProgress.ROWS_EVERY == 0) {
                progress.rowsRead(read);
            }
        }
        long nulCells = rows.cellsWithNulsDropped();
        if (nulCells > 0) {
            nulReport = nulCells + (nulCells == 1 ? " cell" : " cells") + " held NUL characters (zero bytes), which"
                    + " were dropped from the text";
        }
    }

    @Override
    public void budget(BudgetRow row) {
        String subCategory = row.subCategory() == null ? "" : row.subCategory();
        String departmentKey = MatchKey.of(row.department());
        String subCategoryKey = MatchKey.of(subCategory);
        keys.add(departmentKey, subCategoryKey, row.period().canonical());
        try {
            if (target.numbered()) {
                out.field(row.sourceRow());
            }
            out.field(row.department()).field(departmentKey)
                    .field(subCategory).field(subCategoryKey)
                    .field(row.period().canonical()).field(row.period().type().name())
                    .field(row.period().start()).field(row.period().end()).field(row.period().original())
                    .field(row.amount().toPlainString()).field(row.currency());
            for (Object constant : target.constants()) {
                out.field(constant);
            }
            out.endRow();
            budgetRows++;
        } catch (SQLException e) {
            failure = e;
        }
    }

    @Override
    public void error(RowError error) {
        errorCount++;
        if (errors.size() < SyncHistoryDao.MAX_STORED_ERRORS) {
            errors.add(error);
        }
    }

    @Override
    public void skipped(SkippedRow row) {
        skipped++;
        if (skippedReport.size() < MAX_SKIPPED_REPORTED) {
            skippedReport.add("row " + row.row() + " skipped: " + row.reason());
        }
    }
}
