package com.budgetsync.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Creating the database when it is missing and applying the Liquibase changelog, for dev, sync-file and tests. */
public final class Databases {
    public static final String CHANGELOG = "migrations.xml";

    static {
        // Liquibase prints an update summary to the console by default; keep it in the log.
        System.setProperty("liquibase.showSummaryOutput", "log");
    }

    private Databases() {
    }

    public static Connection connect(DatabaseUrl url) throws SQLException {
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    /** Returns true when the database had to be created. */
    public static boolean createIfMissing(DatabaseUrl url) throws SQLException {
        String name = url.databaseName();
        try (Connection admin = connect(url.withDatabase("postgres"));
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
            return true;
        }
    }

    public static void drop(DatabaseUrl url) throws SQLException {
        try (Connection admin = connect(url.withDatabase("postgres")); Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS \"" + url.databaseName().replace("\"", "\"\"") + "\" WITH (FORCE)");
        }
    }

    /** Applies the changelog; Liquibase's console chatter goes to the log, so commands print only their own lines. */
    @SuppressWarnings("deprecation") // Liquibase's Command API is far wordier for the same single update
    public static void migrate(DatabaseUrl url) throws Exception {
        try (Connection connection = connect(url)) {
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> liquibase.update(""));
        }
    }
}
