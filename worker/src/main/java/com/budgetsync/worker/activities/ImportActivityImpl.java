package com.budgetsync.worker.activities;

import com.budgetsync.db.AlertDao;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.Json;
import com.budgetsync.db.RunProgressDao;
import com.budgetsync.domain.AlertKind;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.parsing.FileFormat;
import com.budgetsync.worker.importing.BudgetImporter;
import com.budgetsync.worker.importing.ImportJob;
import com.budgetsync.workflow.ImportActivity;
import com.budgetsync.workflow.ImportInput;
import com.budgetsync.workflow.SyncResult;
import io.temporal.activity.Activity;
import java.util.function.LongConsumer;

/**
 * Runs the import, then hands the budget threshold alerts it raised to delivery: after the commit, and again when a
 * retry finds the run recorded (a delivery already made sends nothing twice), so an alert is never left undelivered
 * by a crash between the two.
 */
public class ImportActivityImpl implements ImportActivity {
    private final ConfigDao configs;
    private final CustomerDao customers;
    private final FileStore files;
    private final BudgetImporter importer;
    private final RunProgressDao progress;
    private final AlertDao alerts;
    private final LongConsumer deliverAlert;

    public ImportActivityImpl(ConfigDao configs, CustomerDao customers, FileStore files, BudgetImporter importer,
                              RunProgressDao progress, AlertDao alerts, LongConsumer deliverAlert) {
        this.configs = configs;
        this.customers = customers;
        this.files = files;
        this.importer = importer;
        this.progress = progress;
        this.alerts = alerts;
        this.deliverAlert = deliverAlert;
    }

    @Override
    public SyncResult importFile(ImportInput input) {
        DataSourceConfig config = ConfigLookup.of(configs, input.run());
        StoredOptions.requireReadable(config);
        StoredFile file = StoredFiles.of(files, input.file(), config);
        RunProgress progress = new RunProgress(this.progress, input.run().syncId(), Activity.getExecutionContext(),
                input.layout().format() == FileFormat.CSV ? file.sizeBytes() : null);
        ImportJob job = ImportJob.of(input.run().syncId(), config, customers.fiscalYearStartMonth(config.customerId()),
                progress.counting(files.content(file)), input.layout(), input.mapping(), input.force(),
                Json.write(MappingMemory.of(input.layout().headers(), input.mapping())));
        SyncResult result = importer.run(job, progress);
        if (result.stats().updated() + result.stats().restored() > 0) {
            alerts.raisedBy(config.customerId(), result.syncId(), AlertKind.BUDGET_THRESHOLD)
                    .forEach(deliverAlert::accept);
        }
        return result;
    }
}
