package com.budgetsync.api.auth;

import io.dropwizard.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** A bearer token is the admin token (when one is configured) or an unrevoked customer API key. */
public final class TokenAuthenticator implements Authenticator<String, Caller> {
    private final byte[] adminTokenHash;
    private final VerifiedKeys keys;

    /** @param adminToken null or blank: admin access is off and only customer keys work */
    public TokenAuthenticator(String adminToken, VerifiedKeys keys) {
        this.adminTokenHash = adminToken == null || adminToken.isBlank() ? null
                : ApiKeyStore.hash(adminToken).getBytes(StandardCharsets.US_ASCII);
        this.keys = keys;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        // Comparing hashes in constant time: the response time tells nothing about how much of the token matched.
        String hash = ApiKeyStore.hash(token);
        byte[] hashBytes = hash.getBytes(StandardCharsets.US_ASCII);
        if (adminTokenHash != null && MessageDigest.isEqual(adminTokenHash, hashBytes)) {
            return Optional.of(Caller.ADMIN);
        }
        return token.startsWith(ApiKeyStore.PREFIX) ? keys.authenticate(hash) : Optional.empty();
    }
}
