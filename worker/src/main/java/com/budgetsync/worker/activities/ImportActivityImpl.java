package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.db.Json;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.rows.MappingSettings;
import com.budgetsync.worker.importing.BudgetImporter;
import com.budgetsync.worker.importing.ImportJob;
import com.budgetsync.workflow.ImportActivity;
import com.budgetsync.workflow.ImportInput;
import com.budgetsync.workflow.SyncResult;
import io.temporal.activity.Activity;

public class ImportActivityImpl implements ImportActivity {
    private final ConfigDao configs;
    private final CustomerDao customers;
    private final FileStore files;
    private final BudgetImporter importer;

    public ImportActivityImpl(ConfigDao configs, CustomerDao customers, FileStore files, BudgetImporter importer) {
        this.configs = configs;
        this.customers = customers;
        this.files = files;
        this.importer = importer;
    }

    @Override
    public SyncResult importFile(ImportInput input) {
        DataSourceConfig config = ConfigLookup.of(configs, input.run());
        StoredOptions.requireReadable(config);
        var file = StoredFiles.of(files, input.file());
        ImportJob job = new ImportJob(input.run().syncId(), config.customerId(), config.id(), files.content(file),
                input.layout(), input.mapping(),
                MappingSettings.normalize(config.options(), customers.fiscalYearStartMonth(config.customerId())),
                config.options(), input.force(),
                Json.write(MappingMemory.of(input.layout().headers(), input.mapping())));
        var context = Activity.getExecutionContext();
        return importer.run(job, () -> context.heartbeat(null));
    }
}
