package com.budgetsync.worker.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A file's budget rows as {@link ImportDigest} keeps them, in file order: each row's key hash ({@link KeyHashes}) and
 * its row hash, a hash of exactly what the import compares to decide that a budget is unchanged (names, amount,
 * currency). Period type, dates and label follow from the key and are not compared, so they are not hashed either.
 */
final class RowHashes {
    private long[] keys = new long[1 << 12];
    private long[] rows = new long[1 << 12];
    private int size;

    void add(long keyHash, long rowHash) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            rows = Arrays.copyOf(rows, size * 2);
        }
        keys[size] = keyHash;
        rows[size++] = rowHash;
    }

    int size() {
        return size;
    }

    long key(int i) {
        return keys[i];
    }

    long row(int i) {
        return rows[i];
    }

    /**
     * The amount as {@code numeric(19, 4)} stores it (PostgreSQL rounds half away from zero, as HALF_UP does), so
     * 100, 100.0 and 100.00004 hash alike, as they compare equal once stored.
     */
    static long rowHash(String department, String subCategory, BigDecimal amount, String currency) {
        long h = 0xcbf29ce484222325L;
        h = KeyHashes.mix(h, department);
        h = KeyHashes.mix(h, subCategory);
        h = KeyHashes.mix(h, amount.setScale(4, RoundingMode.HALF_UP).toPlainString());
        return KeyHashes.mix(h, currency);
    }
}
