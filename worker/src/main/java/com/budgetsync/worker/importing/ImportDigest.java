package com.budgetsync.worker.importing;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * What a config's active budgets held after its last successful import ({@code import_digest}, its entries in
 * {@code import_digest_part}): per budget its key
 * hash and its row hash ({@link RowHashes}), 16 bytes each. While a re-sync reads its file, a row whose key is here
 * with the same row hash is unchanged and is not staged; the keys the file never names are the budgets it deletes.
 * The digest is true only while nothing but the config's own imports changes those budgets: every other writer
 * deletes it ({@link #forget}) in its own transaction (docs/architecture.md, "The import digest"). It is stored as a
 * base ({@code import_digest}) and the entries changed since ({@code import_digest_change}), so that an import that
 * changes few budgets writes those, not every budget's entry.
 */
final class ImportDigest {
    private static final int ENTRY_BYTES = 16;
    /**
     * The base is stored in parts of this size (migration 027): one value of 16 MB took PostgreSQL five times as long
     * to store out of line as the same bytes in values of 64 KB.
     */
    private static final int PART_BYTES = 64 * 1024;
    private static final int MAX_AGE_DAYS = 7;
    /**
     * Changes are kept beside the base while they number at most a twentieth (5%) of its entries. Upserting them costs
     * 5-9 µs a row (10,000 in 0.05-0.09 s, 50,000 in 0.32-0.47 s), rewriting a million-entry base 0.27-0.45 s: up to
     * 5% no import pays more for its changes than for a new base, and each load reads and merges at most that many
     * rows beside the base's 16 MB.
     */
    private static final int BASE_ENTRIES_PER_CHANGE = 20;

    /**
     * Entries looked at past the last one found before the hash table is asked: an export lists its rows in the same
     * order from one run to the next, so the next row's entry is usually the next entry, or a few further on where
     * rows were dropped. Read in order, the arrays stay in the CPU's cache; a probe of the table costs a cache miss or
     * two a row (a third of the time a million-row re-sync spent in Java).
     */
    private static final int LOOK_AHEAD = 8;

    private final long[] keys;
    private final long[] rows;
    /** Open addressing from key hash to entry: slot holds index + 1, 0 is empty. Built when first needed. */
    private int[] slots;
    /** Where the next row's entry is looked for first: the one after the last entry found. */
    private int expected;
    private final BitSet seen;
    /** How many changes the stored ones may grow to before the base is rewritten. */
    private final int maxChanges;
    /** Keys of the changes stored beside the base, sorted. */
    private final long[] storedChanges;
    /** The file's rows that the digest does not hold unchanged, as long as they fit {@link #maxChanges}. */
    private final RowHashes differing = new RowHashes();
    private long differingRows;
    private long unchanged;
    private long changed;

    private ImportDigest(long[] keys, long[] rows, int baseEntries, long[] storedChanges) {
        this.keys = keys;
        this.rows = rows;
        this.maxChanges = baseEntries / BASE_ENTRIES_PER_CHANGE;
        this.storedChanges = storedChanges;
        this.seen = new BitSet(keys.length);
    }

    private static int[] slotsOf(long[] keys) {
        int[] slots = new int[Integer.highestOneBit(Math.max(keys.length, 1) * 2) * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < keys.length; i++) {
            int s = slot(keys[i], mask);
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
        return slots;
    }

    /** The digest in binary rather than the text protocol's hex: 16 MB arrive in a fifth of the time. */
    private static final StatementCustomizer BINARY = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            stmt.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    };

    /**
     * The digest of the config's last import: its base with the changes since applied. None when the base is older than
     * {@link #MAX_AGE_DAYS}, however recent its changes: a weekly full comparison bounds how long a budget changed
     * outside the application (hand-written SQL) can stay unlike the file.
     */
    static Optional<ImportDigest> load(Handle h, long configId) {
        return h.createQuery("""
                        SELECT row_count FROM import_digest
                         WHERE config_id = :config AND created_at > now() - make_interval(days => :days)""")
                .bind("config", configId).bind("days", MAX_AGE_DAYS)
                .mapTo(Integer.class).findOne().map(entries -> {
                    ByteBuffer base = ByteBuffer.allocate(entries * ENTRY_BYTES);
                    h.createQuery("SELECT entries FROM import_digest_part WHERE config_id = :config ORDER BY part")
                            .bind("config", configId).addCustomizer(BINARY).mapTo(byte[].class)
                            .forEach(base::put);
                    Map<Long, Long> changes = h.createQuery("""
                                    SELECT key_hash, row_hash FROM import_digest_change WHERE config_id = :config""")
                            .bind("config", configId)
                            .reduceResultSet(new HashMap<>(), (map, rs, ctx) -> {
                                map.put(rs.getLong(1), rs.getObject(2, Long.class));
                                return map;
                            });
                    return merged(base.array(), changes);
                });
    }

    /** The base's entries with the changes applied: a null row hash removes its key, a key the base lacks is added. */
    private static ImportDigest merged(byte[] base, Map<Long, Long> changes) {
        ByteBuffer in = ByteBuffer.wrap(base);
        int baseEntries = base.length / ENTRY_BYTES;
        long[] keys = new long[baseEntries + changes.size()];
        long[] rows = new long[keys.length];
        Map<Long, Long> pending = new HashMap<>(changes);
        int n = 0;
        for (int i = 0; i < baseEntries; i++) {
            long key = in.getLong();
            long row = in.getLong();
            if (!pending.isEmpty() && pending.containsKey(key)) {
                Long changed = pending.remove(key);
                if (changed == null) {
                    continue;
                }
                row = changed;
            }
            keys[n] = key;
            rows[n++] = row;
        }
        for (Map.Entry<Long, Long> added : pending.entrySet()) {
            if (added.getValue() != null) {
                keys[n] = added.getKey();
                rows[n++] = added.getValue();
            }
        }
        long[] storedChanges = changes.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        return n == keys.length ? new ImportDigest(keys, rows, baseEntries, storedChanges)
                : new ImportDigest(Arrays.copyOf(keys, n), Arrays.copyOf(rows, n), baseEntries, storedChanges);
    }

    /** What the digest says of a row of the file. */
    enum Match {
        /** The digest holds its budget as the row has it: nothing to stage. */
        UNCHANGED,
        /** Its budget is in the digest with other values. */
        CHANGED,
        /** An earlier row of the file had the same key. */
        REPEATED,
        /** Not a key the digest holds: a new budget, or not an active one of this config. */
        ABSENT
    }

    /** Marks the row's key as still in the file, and says how the row compares with the digest. */
    Match match(long keyHash, long rowHash) {
        int i = indexOf(keyHash);
        if (i >= 0) {
            if (seen.get(i)) {
                return Match.REPEATED;
            }
            seen.set(i);
            if (rows[i] == rowHash) {
                unchanged++;
                return Match.UNCHANGED;
            }
            changed++;
        }
        // kept for storeChanges, as many as it could store
        if (differingRows++ < maxChanges) {
            differing.add(keyHash, rowHash);
        }
        return i < 0 ? Match.ABSENT : Match.CHANGED;
    }

    /** Index of the key in the digest, or -1. Keys are unique in a digest, so the first entry that holds it is it. */
    int indexOf(long keyHash) {
        int end = Math.min(keys.length, expected + LOOK_AHEAD);
        for (int i = expected; i < end; i++) {
            if (keys[i] == keyHash) {
                expected = i + 1;
                return i;
            }
        }
        int i = probe(keyHash);
        if (i >= 0) {
            expected = i + 1;
        }
        return i;
    }

    private int probe(long keyHash) {
        if (slots == null) {
            slots = slotsOf(keys);
        }
        int mask = slots.length - 1;
        for (int s = slot(keyHash, mask); slots[s] != 0; s = (s + 1) & mask) {
            if (keys[slots[s] - 1] == keyHash) {
                return slots[s] - 1;
            }
        }
        return -1;
    }

    /** The digest's key was not in the file: its budget is one the import deletes. */
    boolean unseen(int index) {
        return !seen.get(index);
    }

    int size() {
        return keys.length;
    }

    /** Rows skipped as unchanged. */
    long unchangedRows() {
        return unchanged;
    }

    /** Rows staged whose key the digest holds: budgets of the config that the file changes. */
    long changedRows() {
        return changed;
    }

    /** Keys the file no longer has. */
    long unseenKeys() {
        return keys.length - seen.cardinality();
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /**
     * Records the config's budgets after an applied import of {@code file}: every row of the file but those left to
     * another config ({@code otherOwners}, key hashes). Callers know the file's keys are unique.
     */
    static void store(Handle h, ImportJob job, RowHashes file, Set<Long> otherOwners) {
        ByteBuffer out = ByteBuffer.allocate((file.size() - otherOwners.size()) * ENTRY_BYTES);
        for (int i = 0; i < file.size(); i++) {
            if (!otherOwners.contains(file.key(i))) {
                out.putLong(file.key(i)).putLong(file.row(i));
            }
        }
        h.createUpdate("""
                        INSERT INTO import_digest (config_id, sync_id, row_count) VALUES (:config, :sync, :rows)
                        ON CONFLICT (config_id) DO UPDATE
                           SET sync_id = excluded.sync_id, row_count = excluded.row_count, created_at = now()""")
                .bind("config", job.configId()).bind("sync", job.syncId()).bind("rows", out.position() / ENTRY_BYTES)
                .execute();
        h.createUpdate("DELETE FROM import_digest_part WHERE config_id = :config").bind("config", job.configId())
                .execute();
        PreparedBatch parts = h.prepareBatch(
                "INSERT INTO import_digest_part (config_id, part, entries) VALUES (:config, :part, :entries)");
        for (int from = 0, part = 0; from < out.position(); from += PART_BYTES, part++) {
            parts.bind("config", job.configId()).bind("part", part)
                    .bind("entries", Arrays.copyOfRange(out.array(), from, Math.min(from + PART_BYTES, out.position())))
                    .add();
        }
        if (parts.size() > 0) {
            parts.execute();
        }
        h.createUpdate("DELETE FROM import_digest_change WHERE config_id = :config")
                .bind("config", job.configId()).execute();
    }

    /**
     * Records an applied import of the file this digest was matched against as changes beside the base, which stays as
     * it was: the rows it did not hold unchanged, but those left to another config ({@code otherOwners}, never keys
     * the digest holds: the comparison would have found it untrue), and a null row hash for each key the file dropped.
     * False, with nothing written, when the stored changes would pass {@link #maxChanges} (the differing rows counted
     * with the conflicts among them): the caller then rewrites the base. Callers know the file's keys are unique.
     */
    boolean storeChanges(Handle h, long configId, Set<Long> otherOwners) {
        if (differingRows > differing.size() || unseenKeys() > maxChanges) {
            return false;
        }
        List<Long> changedKeys = new ArrayList<>();
        List<Long> changedRows = new ArrayList<>();
        for (int i = 0; i < differing.size(); i++) {
            if (!otherOwners.contains(differing.key(i))) {
                changedKeys.add(differing.key(i));
                changedRows.add(differing.row(i));
            }
        }
        for (int i = seen.nextClearBit(0); i < keys.length; i = seen.nextClearBit(i + 1)) {
            changedKeys.add(keys[i]);
            changedRows.add(null);
        }
        long added = changedKeys.stream().filter(key -> Arrays.binarySearch(storedChanges, key) < 0).count();
        if (storedChanges.length + added > maxChanges) {
            return false;
        }
        if (!changedKeys.isEmpty()) {
            h.createUpdate("""
                            INSERT INTO import_digest_change (config_id, key_hash, row_hash)
                            SELECT :config, key_hash, row_hash FROM unnest(:keys, :rows) AS c(key_hash, row_hash)
                            ON CONFLICT (config_id, key_hash) DO UPDATE SET row_hash = excluded.row_hash""")
                    .bind("config", configId).bindArray("keys", Long.class, changedKeys)
                    .bindArray("rows", Long.class, changedRows).execute();
        }
        return true;
    }

    /**
     * The configs' budgets may no longer be what their digests say: their next imports compare in full. The changes go
     * with their base (foreign key).
     */
    static void forget(Handle h, Collection<Long> configIds) {
        if (!configIds.isEmpty()) {
            h.createUpdate("DELETE FROM import_digest WHERE config_id = ANY(:ids)")
                    .bindArray("ids", Long.class, configIds).execute();
        }
    }
}
