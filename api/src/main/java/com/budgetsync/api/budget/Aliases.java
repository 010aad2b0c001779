package com.budgetsync.api.budget;

import com.budgetsync.normalize.MatchKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A customer's aliases: the labels its intake forms use for the FP&A tool's department and sub-category names
 * ("R&D" = "Engineering"). Stored by match key ({@link MatchKey}), so "r & d " is the same alias as "R&D", and read by
 * the check's own query ({@link BudgetFinder}); a request naming an alias draws on the name it stands for.
 */
public final class Aliases {
    /** The aliases of one customer: alias → name, for departments and for sub-categories. */
    public record Set(Map<String, String> departments, Map<String, String> subCategories) {
    }

    private final Jdbi jdbi;

    public Aliases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Replaces the customer's aliases with {@code aliases}, in one transaction; returns them as stored. */
    public Set replace(String customerId, Set aliases) {
        validate(aliases.departments(), "departments");
        validate(aliases.subCategories(), "subCategories");
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM budget_alias WHERE customer_id = :customer").bind("customer", customerId)
                    .execute();
            insert(h, customerId, "department", aliases.departments());
            insert(h, customerId, "sub_category", aliases.subCategories());
        });
        return get(customerId);
    }

    public Set get(String customerId) {
        return jdbi.withHandle(h -> new Set(read(h, customerId, "department"), read(h, customerId, "sub_category")));
    }

    private static void validate(Map<String, String> aliases, String field) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            String alias = MatchKey.of(e.getKey());
            String target = MatchKey.of(e.getValue());
            if (alias.isEmpty() || target.isEmpty()) {
                throw new BudgetException.Invalid(field + ": an alias and the name it stands for must both be given ("
                        + "'" + e.getKey() + "' = '" + e.getValue() + "')");
            }
            if (alias.equals(target)) {
                throw new BudgetException.Invalid(field + ": '" + e.getKey() + "' already matches '" + e.getValue()
                        + "' (case and spacing are ignored); no alias needed");
            }
            String before = keys.put(alias, e.getKey());
            if (before != null) {
                throw new BudgetException.Invalid(field + ": '" + before + "' and '" + e.getKey()
                        + "' are the same alias (case and spacing are ignored); give it once");
            }
        }
    }

    private static void insert(Handle h, String customerId, String kind, Map<String, String> aliases) {
        var batch = h.prepareBatch("""
                INSERT INTO budget_alias (customer_id, kind, alias_key, alias, target_key, target)
                VALUES (:customer, :kind, :aliasKey, :alias, :targetKey, :target)""");
        aliases.forEach((alias, target) -> batch.bind("customer", customerId).bind("kind", kind)
                .bind("aliasKey", MatchKey.of(alias)).bind("alias", alias.strip())
                .bind("targetKey", MatchKey.of(target)).bind("target", target.strip()).add());
        if (!aliases.isEmpty()) {
            batch.execute();
        }
    }

    private static Map<String, String> read(Handle h, String customerId, String kind) {
        Map<String, String> aliases = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT alias, target FROM budget_alias WHERE customer_id = :customer AND kind = :kind
                         ORDER BY alias_key""")
                .bind("customer", customerId).bind("kind", kind)
                .map((rs, ctx) -> Map.entry(rs.getString("alias"), rs.getString("target")))
                .forEach(e -> aliases.put(e.getKey(), e.getValue()));
        return aliases;
    }
}
