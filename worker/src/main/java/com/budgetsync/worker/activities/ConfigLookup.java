package com.budgetsync.worker.activities;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.workflow.RunInput;

/** Loads a run's config; a config deleted since the run started is bad input, not a reason to retry. */
final class ConfigLookup {
    private ConfigLookup() {
    }

    static DataSourceConfig of(ConfigDao configs, RunInput run) {
        return configs.find(run.configId())
                .filter(c -> c.customerId().equals(run.customerId()))
                .orElseThrow(() -> BadInput.of("config " + run.configId() + " of customer " + run.customerId()
                        + " does not exist"));
    }
}
