package com.budgetsync.api.sftp;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Hosted SFTP accounts ({@code sftp_account}): one per customer, its login name the customer id. */
public final class SftpAccounts {
    private final Jdbi jdbi;

    public SftpAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param passwordHash {@link com.budgetsync.crypto.PasswordHash}, null for key logins only
     * @param publicKeys   authorized_keys lines, one per line
     * @param pollerKey    the public key line of the customer's sftp config
     */
    public record Account(String customerId, String passwordHash, String publicKeys, String pollerKey, Long configId,
                          Instant createdAt) {
    }

    /** False when the customer has an account already. */
    public boolean create(String customerId, String passwordHash, String publicKeys, String pollerKey) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO sftp_account (customer_id, password_hash,"
                        + " public_keys, poller_key) VALUES (:c, :p, :k, :poller) ON CONFLICT DO NOTHING")
                .bind("c", customerId).bind("p", passwordHash).bind("k", publicKeys).bind("poller", pollerKey)
                .execute()) == 1;
    }

    public void attachConfig(String customerId, long configId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sftp_account SET config_id = :id WHERE customer_id = :c")
                .bind("id", configId).bind("c", customerId).execute());
    }

    public Optional<Account> find(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sftp_account WHERE customer_id = :c")
                .bind("c", customerId)
                .map((rs, ctx) -> new Account(rs.getString("customer_id"), rs.getString("password_hash"),
                        rs.getString("public_keys"), rs.getString("poller_key"),
                        rs.getObject("config_id") == null ? null : rs.getLong("config_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .findOne());
    }

    public boolean setPassword(String customerId, String passwordHash) {
        return update("password_hash", customerId, passwordHash);
    }

    public boolean setPublicKeys(String customerId, String publicKeys) {
        return update("public_keys", customerId, publicKeys);
    }

    private boolean update(String column, String customerId, String value) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE sftp_account SET " + column + " = :v, updated_at = now()"
                + " WHERE customer_id = :c").bind("v", value).bind("c", customerId).execute()) == 1;
    }

    public boolean delete(String customerId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sftp_account WHERE customer_id = :c")
                .bind("c", customerId).execute()) == 1;
    }
}
