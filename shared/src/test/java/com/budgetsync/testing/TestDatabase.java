package com.budgetsync.testing;

import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.db.Databases;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database with the real schema, one per test class, dropped afterwards. The server is the real
 * one at {@code TEST_DATABASE_SERVER} (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
public final class TestDatabase implements AutoCloseable {
    private final DatabaseUrl url;
    private final Jdbi jdbi;

    private TestDatabase(DatabaseUrl url) {
        this.url = url;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url.jdbcUrl());
        if (url.user() != null) {
            ds.setUser(url.user());
        }
        if (url.password() != null) {
            ds.setPassword(url.password());
        }
        this.jdbi = Jdbi.create(ds);
    }

    public static TestDatabase create() {
        String server = System.getenv().getOrDefault("TEST_DATABASE_SERVER",
                "postgresql://postgres@127.0.0.1:5432/postgres");
        DatabaseUrl url = DatabaseUrl.parse(server)
                .withDatabase("budget_sync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try {
            Databases.createIfMissing(url);
            Databases.migrate(url);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database " + url, e);
        }
        return new TestDatabase(url);
    }

    public DatabaseUrl url() {
        return url;
    }

    /** The database in the seed's URL form, as DATABASE_URL takes it. */
    public String seedUrl() {
        return "postgresql://" + (url.user() == null ? "postgres" : url.user()) + "@"
                + url.jdbcUrl().substring("jdbc:postgresql://".length());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The customer's budgets that are not soft-deleted. */
    public long countActiveBudgets(String customerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM budget WHERE customer_id = :customer AND deleted_at IS NULL")
                .bind("customer", customerId).mapTo(Long.class).one());
    }

    @Override
    public void close() throws Exception {
        Databases.drop(url);
    }
}
