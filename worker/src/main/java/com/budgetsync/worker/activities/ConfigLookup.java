package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.ConfigNotFoundException;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.RunInput;

/** Loads a run's config; a config deleted since the run started is bad input, not a reason to retry. */
final class ConfigLookup {
    private ConfigLookup() {
    }

    static DataSourceConfig of(ConfigDao configs, RunInput run) {
        try {
            return configs.getOfCustomer(run.customerId(), run.configId());
        } catch (ConfigNotFoundException e) {
            throw BadInput.of(e.getMessage());
        }
    }
}
