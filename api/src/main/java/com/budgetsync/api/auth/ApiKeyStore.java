package com.budgetsync.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Customer API keys ({@code api_key}). A key is 32 random bytes, so a plain SHA-256 is enough to store it: there is
 * nothing to brute-force that a salt or a slow hash would protect.
 */
public final class ApiKeyStore {
    /** Recognisable in logs and secret scanners, like other vendors' key prefixes. */
    static final String PREFIX = "bsk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public ApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A key as listings show it: never the key, only its first characters. */
    public record ApiKey(long id, String customerId, String keyPrefix, String createdBy, Instant createdAt,
                         Instant revokedAt) {
    }

    /** The answer to a creation: the only time the key itself is ever shown. */
    public record CreatedKey(long id, String customerId, String key) {
    }

    public CreatedKey create(String customerId, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO api_key (customer_id, key_hash, key_prefix, created_by)
                        VALUES (:customer, :hash, :prefix, :by) RETURNING id""")
                .bind("customer", customerId).bind("hash", hash(key)).bind("prefix", key.substring(0, 10))
                .bind("by", createdBy).mapTo(Long.class).one());
        return new CreatedKey(id, customerId, key);
    }

    /** The caller a presented key stands for, if it is a key we issued and did not revoke. */
    public Optional<Caller> authenticate(String presentedKey) {
        return authenticateHash(hash(presentedKey));
    }

    /** {@link #authenticate} by the key's {@link #hash}. */
    Optional<Caller> authenticateHash(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, customer_id FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL")
                .bind("hash", keyHash)
                .map((rs, ctx) -> Caller.customerKey(rs.getLong("id"), rs.getString("customer_id"))).findOne());
    }

    public List<ApiKey> list(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, customer_id, key_prefix, created_by, created_at, revoked_at FROM api_key
                         WHERE CAST(:customer AS text) IS NULL OR customer_id = :customer ORDER BY id""")
                .bind("customer", customerId)
                .map((rs, ctx) -> new ApiKey(rs.getLong("id"), rs.getString("customer_id"),
                        rs.getString("key_prefix"), rs.getString("created_by"), instant(rs, "created_at"),
                        instant(rs, "revoked_at")))
                .list());
    }

    /**
     * Revokes a key; false if there is no such key. Revoking twice keeps the first time. An API process sees it within
     * a second ({@link VerifiedKeys}), at once when revoked through it.
     */
    public boolean revoke(long id) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = :id")
                .bind("id", id).execute()) > 0;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
