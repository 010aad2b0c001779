package com.budgetsync.api.auth;

import com.budgetsync.api.errors.ApiException;
import java.security.Principal;

/**
 * Who sent a request: the operator's admin token (every customer) or a customer's API key (that customer only).
 * Resources take it as {@code @Auth Caller caller} and make one call per customer they touch:
 * {@link #checkCustomer} for a customer id the client names (query or body), {@link #canSee} for a row found by id.
 *
 * @param customerId the one customer a key may reach; null for the admin
 * @param keyId      the API key's id; null for the admin
 */
public record Caller(String customerId, Long keyId) implements Principal {
    public static final Caller ADMIN = new Caller(null, null);

    public static Caller customerKey(long keyId, String customerId) {
        return new Caller(customerId, keyId);
    }

    /** What the audit trail records as the actor. */
    @Override
    public String getName() {
        return isAdmin() ? "admin" : "api-key:" + keyId + " (" + customerId + ")";
    }

    public boolean isAdmin() {
        return customerId == null;
    }

    /** For rows found by id: a foreign row is answered as if it did not exist (404), never with its data. */
    public boolean canSee(String rowCustomerId) {
        return isAdmin() || customerId.equals(rowCustomerId);
    }

    /** For a customer id the client sent: 403 unless this caller may act for it; returns it for chaining. */
    public String checkCustomer(String requestedCustomerId) {
        if (!canSee(requestedCustomerId)) {
            throw new ApiException(403, "this API key is scoped to customer '" + customerId
                    + "' and cannot access customer '" + requestedCustomerId + "'");
        }
        return requestedCustomerId;
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new ApiException(403, "this endpoint needs the admin token; customer API keys cannot use it");
        }
    }
}
