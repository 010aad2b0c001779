package com.budgetsync.testing;

import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.db.Databases;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database with the real schema, dropped afterwards. The server is the real one at
 * {@code TEST_DATABASE_SERVER} (default postgresql://postgres@127.0.0.1:5432/postgres). As a JUnit extension, one per
 * test class: {@code @RegisterExtension static final TestDatabase db = TestDatabase.perClass();}.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private DatabaseUrl url;
    private Jdbi jdbi;

    private TestDatabase() {
    }

    /** Created before the class's first test, dropped after its last. */
    public static TestDatabase perClass() {
        return new TestDatabase();
    }

    /** Created now; the caller closes it. */
    public static TestDatabase create() {
        TestDatabase db = new TestDatabase();
        db.open();
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void open() {
        String server = System.getenv().getOrDefault("TEST_DATABASE_SERVER",
                "postgresql://postgres@127.0.0.1:5432/postgres");
        url = DatabaseUrl.parse(server)
                .withDatabase("budget_sync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try {
            Databases.createIfMissing(url);
            Databases.migrate(url);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database " + url, e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url.jdbcUrl());
        if (url.user() != null) {
            ds.setUser(url.user());
        }
        if (url.password() != null) {
            ds.setPassword(url.password());
        }
        jdbi = Jdbi.create(ds);
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
