package com.budgetsync.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys verified lately are trusted for a second: revoked here they fail at once, revoked elsewhere within it. */
class VerifiedKeysTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private final AtomicLong now = new AtomicLong();
    private final ApiKeyStore store = new ApiKeyStore(db.jdbi());
    private final VerifiedKeys verified = new VerifiedKeys(store, now::get);

    @Test
    void aKeyRevokedHereFailsOnItsNextRequest() {
        ApiKeyStore.CreatedKey key = store.create("acme", "test");
        assertEquals("acme", verified.authenticate(ApiKeyStore.hash(key.key())).orElseThrow().customerId());

        assertTrue(verified.revoke(key.id()));
        assertTrue(verified.authenticate(ApiKeyStore.hash(key.key())).isEmpty());
    }

    @Test
    void aKeyRevokedByAnotherProcessFailsWithinTheSecond() {
        ApiKeyStore.CreatedKey key = store.create("acme", "test");
        String hash = ApiKeyStore.hash(key.key());
        assertTrue(verified.authenticate(hash).isPresent());

        new ApiKeyStore(db.jdbi()).revoke(key.id()); // the api-key command, or another API instance
        now.addAndGet(VerifiedKeys.TTL.toNanos() - 1);
        assertTrue(verified.authenticate(hash).isPresent(), "verified less than a second ago: not looked up again");
        now.addAndGet(1);
        assertTrue(verified.authenticate(hash).isEmpty());
        now.addAndGet(VerifiedKeys.TTL.toNanos() * 10);
        assertTrue(verified.authenticate(hash).isEmpty(), "a revoked key is not remembered as verified");
    }

    @Test
    void aKeyWeNeverIssuedIsLookedUpEachTime() {
        String hash = ApiKeyStore.hash(ApiKeyStore.PREFIX + "not-issued");
        assertTrue(verified.authenticate(hash).isEmpty());
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO api_key (customer_id, key_hash, key_prefix, created_by)
                VALUES ('acme', ?, 'bsk_not-is', 'test')""", hash));
        assertTrue(verified.authenticate(hash).isPresent(), "an unknown key's answer is not remembered");
    }
}
