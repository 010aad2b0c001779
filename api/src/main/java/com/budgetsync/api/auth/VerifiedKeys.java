package com.budgetsync.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Customer keys verified in the last {@link #TTL}, by key hash: procurement checking budgets a thousand times a
 * second with one key costs one {@code api_key} lookup a second instead of a thousand (a lookup was a fifth of a
 * check's allocation and a database round trip of its own). Revoking a key or erasing a customer through this
 * instance forgets every verified key at once, so the key fails on its next request here; a revocation or erasure by
 * another process (another API instance, the {@code api-key} command) is seen here within {@link #TTL}. Unknown and
 * revoked keys are never remembered: each costs its lookup, as before.
 */
public final class VerifiedKeys {
    static final Duration TTL = Duration.ofSeconds(1);
    /** Far above the keys a deployment uses in one second; reaching it only costs the lookups of a cleared cache. */
    private static final int MAX_KEYS = 10_000;

    private record Verified(Caller caller, long untilNanos) {
    }

    private final ApiKeyStore store;
    private final LongSupplier nanoTime;
    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();
    /** Bumped by each revocation: a lookup that began before it must not leave behind the key it read. */
    private final AtomicLong revocations = new AtomicLong();

    public VerifiedKeys(ApiKeyStore store) {
        this(store, System::nanoTime);
    }

    VerifiedKeys(ApiKeyStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /** The caller a key stands for, by its {@link ApiKeyStore#hash}, if it is a key we issued and did not revoke. */
    Optional<Caller> authenticate(String hash) {
        long now = nanoTime.getAsLong();
        Verified verified = byHash.get(hash);
        if (verified != null && now - verified.untilNanos() < 0) {
            return Optional.of(verified.caller());
        }
        long revocationsBefore = revocations.get();
        Optional<Caller> caller = store.authenticateHash(hash);
        if (caller.isEmpty()) {
            byHash.remove(hash);
            return caller;
        }
        if (byHash.size() >= MAX_KEYS) {
            byHash.clear();
        }
        Verified fresh = new Verified(caller.get(), now + TTL.toNanos());
        byHash.put(hash, fresh);
        if (revocations.get() != revocationsBefore) {
            // a revocation ran meanwhile: what was read may predate it, and its clearing may have run before the put
            byHash.remove(hash, fresh);
        }
        return caller;
    }

    /** Revokes a key ({@link ApiKeyStore#revoke}) and forgets every verified key; false if there is no such key. */
    public boolean revoke(long id) {
        boolean revoked = store.revoke(id);
        forgetAll();
        return revoked;
    }

    /** After keys were revoked or deleted (an erased customer's): every key is looked up again on its next request. */
    public void forgetAll() {
        revocations.incrementAndGet();
        byHash.clear();
    }
}
