package com.budgetsync.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as users write it: {@code postgresql://user:pass@host:5432/db} (the seed's form, also
 * {@code postgres://}) or a {@code jdbc:postgresql:} URL. Holds the password, so it never prints it.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    public static final String DEFAULT = "postgresql://postgres@127.0.0.1:5432/budget_sync";

    public static DatabaseUrl parse(String url) {
        String value = url.trim();
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, null, null);
        }
        if (!value.startsWith("postgresql://") && !value.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:pass@host:5432/dbname"
                    + " or jdbc:postgresql://host:5432/dbname");
        }
        URI uri = URI.create(value);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user, password);
    }

    /** The database name, the last path segment of the JDBC URL. */
    public String databaseName() {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The same server's maintenance database, from which a missing database can be created. */
    public DatabaseUrl withDatabase(String name) {
        String prefix = jdbcUrl.substring(0, jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2) + 1);
        int query = jdbcUrl.indexOf('?');
        return new DatabaseUrl(prefix + name + (query < 0 ? "" : jdbcUrl.substring(query)), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " (user " + user + ")");
    }
}
