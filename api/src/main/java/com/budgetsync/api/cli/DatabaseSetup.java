package com.budgetsync.api.cli;

import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.db.Databases;
import java.io.PrintStream;

/** What dev and sync-file do before anything else: create the database if it is missing, apply migrations. */
final class DatabaseSetup {
    private DatabaseSetup() {
    }

    static void prepare(DatabaseUrl url, PrintStream out) throws Exception {
        if (Databases.createIfMissing(url)) {
            out.println("created database " + url.databaseName());
        }
        Databases.migrate(url);
        out.println("PostgreSQL   " + url + " (migrations applied)");
    }
}
