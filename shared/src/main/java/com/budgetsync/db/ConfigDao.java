package com.budgetsync.db;

import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code budget_data_source_config}: the configs of every customer. */
public final class ConfigDao {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, customer_id, name, source_type, enabled, frequency, timezone, source_config::text AS source_config,
            options::text AS options, last_sync_at, last_sync_status, next_sync_at, created_at, updated_at,
            paused_reason""";

    private final Jdbi jdbi;

    public ConfigDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts a config; {@code sourceConfig} must already hold its secrets encrypted. */
    public DataSourceConfig create(String customerId, String name, SourceType type, boolean enabled, String frequency,
                                   String timezone, Map<String, Object> sourceConfig, ConfigOptions options) {
        new CustomerDao(jdbi).ensure(customerId);
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO budget_data_source_config
                            (customer_id, name, source_type, enabled, frequency, timezone, source_config, options)
                        VALUES (:customer, :name, :type, :enabled, :frequency, :timezone,
                                CAST(:sourceConfig AS jsonb), CAST(:options AS jsonb))
                        RETURNING\s""" + COLUMNS)
                .bind("customer", customerId).bind("name", name).bind("type", type.dbValue())
                .bind("enabled", enabled).bind("frequency", frequency).bind("timezone", timezone)
                .bind("sourceConfig", Json.write(sourceConfig)).bind("options", Json.write(options))
                .map(ConfigDao::map).one());
    }

    public DataSourceConfig update(DataSourceConfig config) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE budget_data_source_config
                           SET name = :name, source_type = :type, enabled = :enabled, frequency = :frequency,
                               timezone = :timezone, source_config = CAST(:sourceConfig AS jsonb),
                               options = CAST(:options AS jsonb), updated_at = now(),
                               -- enabling a paused config resumes it: the failures it was paused for no longer count
                               streak_since = CASE WHEN :enabled AND paused_reason IS NOT NULL THEN now()
                                                   ELSE streak_since END,
                               paused_at = CASE WHEN :enabled THEN NULL ELSE paused_at END,
                               paused_reason = CASE WHEN :enabled THEN NULL ELSE paused_reason END
                         WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", config.id()).bind("name", config.name()).bind("type", config.sourceType().dbValue())
                .bind("enabled", config.enabled()).bind("frequency", config.frequency())
                .bind("timezone", config.timezone()).bind("sourceConfig", Json.write(config.sourceConfig()))
                .bind("options", Json.write(config.options()))
                .map(ConfigDao::map).one());
    }

    public Optional<DataSourceConfig> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM budget_data_source_config WHERE id = :id")
                .bind("id", id).map(ConfigDao::map).findOne());
    }

    /** The customer's config with this id; another customer's config is not found. */
    public DataSourceConfig getOfCustomer(String customerId, long configId) {
        return find(configId).filter(c -> c.customerId().equals(customerId))
                .orElseThrow(() -> new ConfigNotFoundException(customerId, configId));
    }

    public List<DataSourceConfig> listByCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM budget_data_source_config WHERE customer_id = :customer ORDER BY id")
                .bind("customer", customerId).map(ConfigDao::map).list());
    }

    public List<DataSourceConfig> listAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM budget_data_source_config ORDER BY id")
                .map(ConfigDao::map).list());
    }

    /** Deletes the config; its budgets stay, no longer linked to it (budget has no foreign key to it, for speed). */
    public boolean delete(long id) {
        return jdbi.inTransaction(h -> {
            // by customer first: the business key's prefix finds the config's budgets without an index of their own
            h.createUpdate("""
                            UPDATE budget SET source_config_id = NULL
                             WHERE customer_id = (SELECT customer_id FROM budget_data_source_config WHERE id = :id)
                               AND source_config_id = :id""")
                    .bind("id", id).execute();
            return h.createUpdate("DELETE FROM budget_data_source_config WHERE id = :id").bind("id", id).execute();
        }) > 0;
    }

    /** The customer's upload config, created on first use so that uploads need no set-up. */
    public DataSourceConfig uploadConfigOf(String customerId) {
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "upload-config:" + customerId);
            return h.createQuery("SELECT " + COLUMNS + " " + """
                             FROM budget_data_source_config
                            WHERE customer_id = :customer AND source_type = 'upload' ORDER BY id LIMIT 1""")
                    .bind("customer", customerId).map(ConfigDao::map).findOne()
                    .orElseGet(() -> create(customerId, "upload", SourceType.UPLOAD, true, "manual", "UTC", Map.of(),
                            ConfigOptions.DEFAULTS));
        });
    }

    /** The schedule the reconciler last applied per config id ("" = none); configs never applied are absent. */
    public Map<Long, String> appliedSchedules() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, applied_schedule FROM budget_data_source_config
                         WHERE applied_schedule IS NOT NULL""")
                .reduceRows(new HashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("applied_schedule", String.class));
                    return map;
                }));
    }

    /** Records, in one statement, the schedule applied per config id. */
    public void setAppliedSchedules(Map<Long, String> appliedByConfig) {
        if (appliedByConfig.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE budget_data_source_config c SET applied_schedule = v.schedule
                          FROM unnest(:ids, :schedules) AS v(id, schedule)
                         WHERE c.id = v.id""")
                .bindArray("ids", Long.class, appliedByConfig.keySet().toArray(Long[]::new))
                .bindArray("schedules", String.class, appliedByConfig.values().toArray(String[]::new))
                .execute());
    }

    /** Sets each config's next run (null = none) in one statement; rows that already say so are not rewritten. */
    public void setNextSyncAt(Map<Long, Instant> nextByConfig) {
        if (nextByConfig.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(nextByConfig.keySet());
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE budget_data_source_config c SET next_sync_at = v.next
                          FROM unnest(:ids, CAST(:nexts AS timestamptz[])) AS v(id, next)
                         WHERE c.id = v.id AND c.next_sync_at IS DISTINCT FROM v.next""")
                .bindArray("ids", Long.class, ids.toArray(Long[]::new))
                .bindArray("nexts", String.class, ids.stream().map(nextByConfig::get)
                        .map(next -> next == null ? null : next.toString()).toArray(String[]::new))
                .execute());
    }

    /**
     * Pauses an enabled config for a failure streak: disabled, with the reason, and recorded in its audit trail as
     * {@code pause} by {@code alert-checks}. False when it was not enabled any more (paused already, or disabled by
     * a person meanwhile).
     */
    public boolean pause(long configId, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        WITH paused AS (
                            UPDATE budget_data_source_config
                               SET enabled = false, paused_at = now(), paused_reason = :reason, updated_at = now()
                             WHERE id = :id AND enabled
                            RETURNING id, customer_id)
                        INSERT INTO config_audit (config_id, customer_id, actor, action, changes)
                        SELECT id, customer_id, 'alert-checks', 'pause',
                               jsonb_build_object('enabled', jsonb_build_object('from', true, 'to', false),
                                                  'pausedReason', :reason)
                          FROM paused""")
                .bind("id", configId).bind("reason", reason).execute()) > 0;
    }

    public Optional<String> mappingMemory(long configId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT mapping_memory::text FROM budget_data_source_config WHERE id = :id")
                .bind("id", configId).mapTo(String.class).findOne());
    }

    static DataSourceConfig map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DataSourceConfig(rs.getLong("id"), rs.getString("customer_id"), rs.getString("name"),
                SourceType.fromDb(rs.getString("source_type")), rs.getBoolean("enabled"), rs.getString("frequency"),
                rs.getString("timezone"), Json.read(rs.getString("source_config"), MAP),
                Json.read(rs.getString("options"), ConfigOptions.class), instant(rs, "last_sync_at"),
                rs.getString("last_sync_status"), instant(rs, "next_sync_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("paused_reason"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
