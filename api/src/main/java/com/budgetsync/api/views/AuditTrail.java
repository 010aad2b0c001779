package com.budgetsync.api.views;

import com.budgetsync.api.audit.ConfigAuditStore;
import java.util.List;

/** A config's audit trail, oldest first, in the list envelope (README, "Lists"). */
public record AuditTrail(long configId, long total, List<ConfigAuditStore.Entry> entries) {
    public static AuditTrail of(long configId, List<ConfigAuditStore.Entry> entries) {
        return new AuditTrail(configId, entries.size(), entries);
    }
}
