package com.budgetsync.api.cli;

import com.budgetsync.db.CustomerDao;
import com.budgetsync.db.Json;
import com.budgetsync.domain.ConfigOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fleet of enabled local-folder configs for the many-customer figures (7) and (8), inserted set-based: those
 * figures are about schedules and runs, not about creating rows.
 */
final class FleetConfigs {
    private FleetConfigs() {
    }

    /**
     * {@code count} configs of customers {@code prefix0 … prefix(customers - 1)}, config {@code i} belonging to
     * customer {@code i % customers} and taking {@code frequencies[i % frequencies.size()]}; each polls
     * {@code folder} for {@code *.csv}.
     */
    static void insert(CommandRuntime runtime, String prefix, int customers, int count, List<String> frequencies,
                       Path folder) {
        CustomerDao customerDao = new CustomerDao(runtime.jdbi);
        for (int c = 0; c < customers; c++) {
            customerDao.ensure(prefix + c);
        }
        runtime.jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO budget_data_source_config
                            (customer_id, name, source_type, enabled, frequency, timezone, source_config, options)
                        SELECT :prefix || i % :customers, 'folder ' || i, 'local', true,
                               (:frequencies)[1 + i % cardinality(:frequencies)], 'UTC',
                               CAST(:source AS jsonb), CAST(:options AS jsonb)
                          FROM generate_series(0, :count - 1) AS i""")
                .bind("prefix", prefix).bind("customers", customers).bind("count", count)
                .bindArray("frequencies", String.class, frequencies.toArray(String[]::new))
                .bind("source", Json.write(Map.of("directory", folder.toString(), "pattern", "*.csv")))
                .bind("options", Json.write(ConfigOptions.DEFAULTS)).execute());
    }
}
