package com.budgetsync.worker.importing;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * What a config's active budgets held after its last successful import ({@code import_digest}): per budget its key
 * hash and its row hash ({@link RowHashes}), 16 bytes each. While a re-sync reads its file, a row whose key is here
 * with the same row hash is unchanged and is not staged; the keys the file never names are the budgets it deletes.
 * The digest is true only while nothing but the config's own imports changes those budgets: every other writer
 * deletes it ({@link #forget}) in its own transaction (docs/architecture.md, "The import digest").
 */
final class ImportDigest {
    private static final int ENTRY_BYTES = 16;
    private static final int MAX_AGE_DAYS = 7;

    private final long[] keys;
    private final long[] rows;
    /** Open addressing from key hash to entry: slot holds index + 1, 0 is empty. */
    private final int[] slots;
    private final BitSet seen;
    private long unchanged;
    private long changed;

    private ImportDigest(long[] keys, long[] rows) {
        this.keys = keys;
        this.rows = rows;
        this.slots = new int[Integer.highestOneBit(Math.max(keys.length, 1) * 2) * 2];
        this.seen = new BitSet(keys.length);
        int mask = slots.length - 1;
        for (int i = 0; i < keys.length; i++) {
            int s = slot(keys[i], mask);
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }

    /** The digest in binary rather than the text protocol's hex: 16 MB arrive in a fifth of the time. */
    private static final StatementCustomizer BINARY = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            stmt.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    };

    /**
     * The digest of the config's last import, unless it is older than {@link #MAX_AGE_DAYS}: a weekly full comparison
     * bounds how long a budget changed outside the application (hand-written SQL) can stay unlike the file.
     */
    static Optional<ImportDigest> load(Handle h, long configId) {
        return h.createQuery("""
                        SELECT digest FROM import_digest
                         WHERE config_id = :config AND created_at > now() - make_interval(days => :days)""")
                .bind("config", configId).bind("days", MAX_AGE_DAYS).addCustomizer(BINARY)
                .mapTo(byte[].class).findOne().map(bytes -> {
                    ByteBuffer in = ByteBuffer.wrap(bytes);
                    int n = bytes.length / ENTRY_BYTES;
                    long[] keys = new long[n];
                    long[] rows = new long[n];
                    for (int i = 0; i < n; i++) {
                        keys[i] = in.getLong();
                        rows[i] = in.getLong();
                    }
                    return new ImportDigest(keys, rows);
                });
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
        if (i < 0) {
            return Match.ABSENT;
        }
        if (seen.get(i)) {
            return Match.REPEATED;
        }
        seen.set(i);
        if (rows[i] == rowHash) {
            unchanged++;
            return Match.UNCHANGED;
        }
        changed++;
        return Match.CHANGED;
    }

    /** Index of the key in the digest, or -1. */
    int indexOf(long keyHash) {
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
                        INSERT INTO import_digest (config_id, sync_id, row_count, digest)
                        VALUES (:config, :sync, :rows, :digest)
                        ON CONFLICT (config_id) DO UPDATE
                           SET sync_id = :sync, row_count = :rows, digest = :digest, created_at = now()""")
                .bind("config", job.configId()).bind("sync", job.syncId())
                .bind("rows", out.position() / ENTRY_BYTES).bind("digest", out.array())
                .execute();
    }

    /** The configs' budgets may no longer be what their digests say: their next imports compare in full. */
    static void forget(Handle h, Collection<Long> configIds) {
        if (!configIds.isEmpty()) {
            h.createUpdate("DELETE FROM import_digest WHERE config_id = ANY(:ids)")
                    .bindArray("ids", Long.class, configIds).execute();
        }
    }
}
