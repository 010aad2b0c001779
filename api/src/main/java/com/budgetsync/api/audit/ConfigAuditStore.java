package com.budgetsync.api.audit;

import com.budgetsync.db.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code config_audit}: the trail of config changes, kept after the config itself is deleted. */
public final class ConfigAuditStore {
    private final Jdbi jdbi;

    public ConfigAuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Entry(long id, long configId, String customerId, String actor, String action, JsonNode changes,
                        Instant at) {
    }

    public void record(long configId, String customerId, String actor, String action, Map<String, Object> changes) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO config_audit (config_id, customer_id, actor, action, changes)
                        VALUES (:config, :customer, :actor, :action, CAST(:changes AS jsonb))""")
                .bind("config", configId).bind("customer", customerId).bind("actor", actor).bind("action", action)
                .bind("changes", Json.write(changes)).execute());
    }

    /** Oldest first. */
    public List<Entry> list(long configId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, config_id, customer_id, actor, action, changes::text AS changes, at
                          FROM config_audit WHERE config_id = :config ORDER BY at, id""")
                .bind("config", configId)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getLong("config_id"), rs.getString("customer_id"),
                        rs.getString("actor"), rs.getString("action"), Json.read(rs.getString("changes"), JsonNode.class),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list());
    }
}
