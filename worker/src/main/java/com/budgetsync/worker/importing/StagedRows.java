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
 * Given the config's {@link ImportDigest}, a row the digest holds unchanged is counted but not copied. Every budget
 * row's hashes are kept ({@link RowHashes}) for the digest the import records.
 */
final class StagedRows implements RowNormalizer.Sink {
    private final CopyRowWriter out;
    private final ImportProgress progress;
    private final CopyTarget target;
    final ImportDigest digest;
    private static final int MAX_SKIPPED_REPORTED = 100;

    final List<RowError> errors = new ArrayList<>();
    final KeyHashes keys = new KeyHashes();
    final RowHashes hashes = new RowHashes();
    final List<String> skippedReport = new ArrayList<>();
    /** The warning about NUL characters dropped from cells, if the file had any. */
    String nulReport;
    long budgetRows;
    long errorCount;
    long skipped;
    private SQLException failure;

    /** {@code digest}: null to copy every row. */
    StagedRows(CopyRowWriter out, ImportProgress progress, CopyTarget target, ImportDigest digest) {
        this.out = out;
        this.progress = progress;
        this.target = target;
        this.digest = digest;
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
        long keyHash = KeyHashes.hash(departmentKey, subCategoryKey, row.period().canonical());
        long rowHash = RowHashes.rowHash(row.department(), subCategory, row.amount(), row.currency());
        // The digest's own marks tell a repeat of one of its keys, so the key set need only hold the others.
        ImportDigest.Match match = digest == null ? ImportDigest.Match.ABSENT : digest.match(keyHash, rowHash);
        if (match == ImportDigest.Match.REPEATED) {
            keys.repeated();
        } else if (match == ImportDigest.Match.ABSENT) {
            keys.add(keyHash);
        }
        if (keys.unique()) {
            // past the first repeated key no digest is recorded, so the hashes need not be kept
            hashes.add(keyHash, rowHash);
        }
        if (match == ImportDigest.Match.UNCHANGED) {
            budgetRows++;
            return;
        }
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
