package com.budgetsync.api.audit;

import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.Json;
import com.budgetsync.domain.DataSourceConfig;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a config change changed, field by field: {@code {"frequency": {"from": "daily", "to": "hourly"}}}. Secrets in
 * {@code sourceConfig} appear as {@code "changed"} or {@code "unchanged"}, never with a value.
 */
public final class ConfigDiff {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ConfigDiff() {
    }

    /** {@code before} is null for a creation, {@code after} null for a deletion. */
    public static Map<String, Object> between(DataSourceConfig before, DataSourceConfig after) {
        Map<String, Object> from = fields(before);
        Map<String, Object> to = fields(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : new TreeSet<>(union(from, to))) {
            boolean same = Objects.equals(from.get(field), to.get(field));
            if (isSecret(field)) {
                changes.put(field, same ? "unchanged" : "changed");
            } else if (!same) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from.get(field));
                change.put("to", to.get(field));
                changes.put(field, change);
            }
        }
        return changes;
    }

    /** Source secrets, and webhook URLs, whose paths are credentials. */
    private static boolean isSecret(String field) {
        return field.equals("options.notifyWebhooks")
                || field.startsWith("sourceConfig.") && SourceSecrets.isSecret(field.substring("sourceConfig.".length()));
    }

    private static TreeSet<String> union(Map<String, Object> a, Map<String, Object> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Map<String, Object> fields(DataSourceConfig c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (c == null) {
            return fields;
        }
        fields.put("name", c.name());
        fields.put("sourceType", c.sourceType().dbValue());
        fields.put("enabled", c.enabled());
        fields.put("frequency", c.frequency());
        fields.put("timezone", c.timezone());
        c.sourceConfig().forEach((k, v) -> fields.put("sourceConfig." + k, v));
        Json.MAPPER.convertValue(c.options(), MAP).forEach((k, v) -> fields.put("options." + k, v));
        return fields;
    }
}
