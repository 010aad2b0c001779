package com.budgetsync.worker.importing;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.mapping.ColumnMapping;
import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.TableLayout;

/** One import: which run, which file read how, and the config's rules for errors, duplicates and deletions. */
public record ImportJob(String syncId, String customerId, long configId, FileContent file, TableLayout layout,
                        ColumnMapping mapping, NormalizeOptions normalize, ConfigOptions rules, boolean force,
                        String mappingMemoryJson) {
}
