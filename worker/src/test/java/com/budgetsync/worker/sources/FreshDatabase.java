package com.budgetsync.worker.sources;

import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.db.Databases;
import java.util.Properties;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A new PostgreSQL database with the Liquibase schema applied, dropped on close: one per test class. */
final class FreshDatabase implements AutoCloseable {
    final DatabaseUrl url;
    final Jdbi jdbi;

    FreshDatabase() throws Exception {
        url = DatabaseUrl.fromEnvironment().withDatabase("budget_sync_test_" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 12));
        Databases.createIfMissing(url);
        Databases.migrate(url);
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        jdbi = Jdbi.create(url.jdbcUrl(), props);
    }

    @Override
    public void close() throws Exception {
        Databases.drop(url);
    }
}
