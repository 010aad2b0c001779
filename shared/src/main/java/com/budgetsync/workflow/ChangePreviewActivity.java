package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/**
 * Reads a stored file as a run of the config would (layout, mapping, every row) and compares it with the budgets in a
 * transaction that is rolled back: no budget, audit row, history row or mapping memory is written.
 */
@ActivityInterface
public interface ChangePreviewActivity {
    ChangePreview previewChanges(long configId, long fileId);
}
