package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.domain.SyncStatus;
import com.budgetsync.mapping.MappingResult;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.worker.importing.BudgetImporter;
import com.budgetsync.worker.importing.ImportJob;
import com.budgetsync.workflow.ChangePreview;
import com.budgetsync.workflow.ChangePreviewActivity;
import com.budgetsync.workflow.FileRef;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * A run's steps on a stored file without a run: layout and mapping as parse and map find them (the config's sheet,
 * pins and options), then the importer's dry run. What would stop the run is the preview's answer, not an error.
 */
public final class ChangePreviewActivityImpl implements ChangePreviewActivity {
    private final ConfigDao configs;
    private final CustomerDao customers;
    private final FileStore files;
    private final BudgetImporter importer;

    public ChangePreviewActivityImpl(ConfigDao configs, CustomerDao customers, FileStore files,
                                     BudgetImporter importer) {
        this.configs = configs;
        this.customers = customers;
        this.files = files;
        this.importer = importer;
    }

    @Override
    public ChangePreview previewChanges(long configId, long fileId) {
        DataSourceConfig config = configs.find(configId)
                .orElseThrow(() -> BadInput.of("config " + configId + " not found"));
        StoredFile file = StoredFiles.of(files, new FileRef(fileId, null, 0, null), config);
        TableLayout layout;
        MappingResult mapped;
        try {
            StoredOptions.requireReadable(config);
            layout = ParseActivityImpl.detect(files, file, config);
            mapped = MapActivityImpl.mapFile(files, file, layout, config);
        } catch (ApplicationFailure badInput) {
            return ChangePreview.stopped(configId, fileId, file.filename(), SyncStatus.FAILED,
                    badInput.getOriginalMessage());
        }
        if (mapped.needsReview()) {
            return ChangePreview.stopped(configId, fileId, file.filename(), SyncStatus.NEEDS_REVIEW,
                    "mapping needs review: " + String.join("; ", mapped.problems()));
        }
        ImportJob job = ImportJob.of(null, config, customers.fiscalYearStartMonth(config.customerId()),
                files.content(file), layout, mapped.mapping(), false, null);
        var context = Activity.getExecutionContext();
        return importer.preview(job, fileId, rows -> context.heartbeat(null));
    }
}
