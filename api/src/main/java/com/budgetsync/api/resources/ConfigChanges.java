package com.budgetsync.api.resources;

import com.budgetsync.domain.DataSourceConfig;

/**
 * What must follow a config change besides the row itself (its schedule in Temporal). Returns the config as it
 * stands afterwards (e.g. with its next sync time).
 */
public interface ConfigChanges {
    DataSourceConfig created(DataSourceConfig config);

    DataSourceConfig updated(DataSourceConfig before, DataSourceConfig after);

    void deleted(DataSourceConfig config);

    /** For a build without schedules: changes nothing. */
    ConfigChanges NONE = new ConfigChanges() {
        @Override
        public DataSourceConfig created(DataSourceConfig config) {
            return config;
        }

        @Override
        public DataSourceConfig updated(DataSourceConfig before, DataSourceConfig after) {
            return after;
        }

        @Override
        public void deleted(DataSourceConfig config) {
        }
    };
}
