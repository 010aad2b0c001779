package com.budgetsync.rows;

import com.budgetsync.domain.BudgetRow;
import com.budgetsync.domain.RowError;
import com.budgetsync.domain.SkippedRow;
import java.util.ArrayList;
import java.util.List;

/** Keeps what rows turned into, for previews and tests (the import streams to the database instead). */
public final class CollectingSink implements RowNormalizer.Sink {
    private final List<BudgetRow> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private final List<SkippedRow> skipped = new ArrayList<>();

    @Override
    public void budget(BudgetRow row) {
        rows.add(row);
    }

    @Override
    public void error(RowError error) {
        errors.add(error);
    }

    @Override
    public void skipped(SkippedRow row) {
        skipped.add(row);
    }

    public List<BudgetRow> rows() {
        return rows;
    }

    public List<RowError> errors() {
        return errors;
    }

    public List<SkippedRow> skipped() {
        return skipped;
    }
}
