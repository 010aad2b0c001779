package com.budgetsync.api;

import com.budgetsync.net.OutboundGuard;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code outbound:} which addresses customer-supplied hosts and URLs may reach besides the public internet. Both off by
 * default (BUDGET_SYNC_ALLOW_LOOPBACK, BUDGET_SYNC_ALLOW_PRIVATE_NETWORKS in config.yml); {@code dev} allows loopback.
 */
public class OutboundConfig {
    @JsonProperty
    private boolean allowLoopback;

    @JsonProperty
    private boolean allowPrivate;

    public void setAllowLoopback(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public OutboundGuard guard() {
        return new OutboundGuard(allowLoopback, allowPrivate);
    }
}
