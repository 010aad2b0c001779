package com.budgetsync.worker.importing;

/**
 * Proves cheaply that a file has no duplicate business keys, so the import can skip the GROUP BY that would collapse
 * them: a set of 64-bit key hashes (FNV-1a) in an open-addressing table, 16 bytes per key. Equal keys have equal
 * hashes, so "never saw a hash twice" means "no duplicates"; a repeated hash only sends the import down the grouping
 * path, which is always right. Past {@link #MAX_KEYS} it stops tracking (bounded memory) and answers "maybe".
 */
final class KeyHashes {
    static final int MAX_KEYS = 1 << 22;
    private static final long EMPTY = 0;

    private long[] table = new long[1 << 12];
    private int size;
    private boolean maybeDuplicates;

    /** A row's key, by its {@link #hash}. */
    void add(long hash) {
        if (maybeDuplicates) {
            return;
        }
        if (size >= MAX_KEYS || !insert(table, hash)) {
            repeated();
            return;
        }
        if (++size * 2 > table.length) {
            long[] bigger = new long[table.length * 2];
            for (long h : table) {
                if (h != EMPTY) {
                    insert(bigger, h);
                }
            }
            table = bigger;
        }
    }

    /** Another row had the same key (found by other means), or too many keys to track: "maybe". */
    void repeated() {
        maybeDuplicates = true;
        table = null;
    }

    /** False when two rows may share a business key. */
    boolean unique() {
        return !maybeDuplicates;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) (hash ^ (hash >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = hash;
                return true;
            }
            if (table[i] == hash) {
                return false;
            }
        }
    }

    /** The business key's hash; {@link ImportDigest} stores it, so changing it means emptying {@code import_digest}. */
    static long hash(String department, String subCategory, String period) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, department);
        h = mix(h, subCategory);
        h = mix(h, period);
        // 0 marks an empty slot; a key hashing to it is moved, which keeps equal keys equal.
        return h == EMPTY ? 1 : h;
    }

    static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
        return (h ^ 0x10000) * 0x100000001b3L;
    }
}
