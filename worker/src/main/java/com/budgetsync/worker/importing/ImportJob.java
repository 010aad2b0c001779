package com.budgetsync.worker.importing;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.rows.MappingSettings;

/** One import: which run, which file read how, and the config's rules for errors, duplicates and deletions. */
public record ImportJob(String syncId, String customerId, long configId, FileContent file, TableLayout layout,
                        ColumnMapping mapping, NormalizeOptions normalize, ConfigOptions rules, boolean force,
                        String mappingMemoryJson) {
    /** A file imported with a config's options and the customer's fiscal year. */
    public static ImportJob of(String syncId, DataSourceConfig config, int fiscalYearStartMonth, FileContent file,
                               TableLayout layout, ColumnMapping mapping, boolean force, String mappingMemoryJson) {
        return new ImportJob(syncId, config.customerId(), config.id(), file, layout, mapping,
                MappingSettings.normalize(config.options(), fiscalYearStartMonth), config.options(), force,
                mappingMemoryJson);
    }
}
