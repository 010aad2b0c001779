package com.budgetsync.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what a decompressor yields against the packed bytes it consumed ({@link Packed}) and stops the read, in
 * words, once the archive unpacks past its limits. Shared by every entry of one pass, so the totals are the archive's.
 */
final class LimitedUnpacking extends FilterInputStream {
    private final Packed packed;
    private final UnpackLimits limits;
    private final String filename;
    private long unpacked;

    LimitedUnpacking(InputStream unpacking, Packed packed, UnpackLimits limits, String filename) {
        super(unpacking);
        this.packed = packed;
        this.limits = limits;
        this.filename = filename;
    }

    /** Points the count at the next entry's stream; the total carries on. */
    void next(InputStream entry) {
        in = entry;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read, not skipped: skipped bytes would escape the count
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    private void count(int n) {
        unpacked += n;
        if (unpacked > limits.maxUnpackedBytes()) {
            throw ReadFailures.unpacksTooLarge(filename, limits);
        }
        if (unpacked > limits.ratioFloorBytes() && unpacked > (double) limits.maxRatio() * Math.max(1, packed.bytes)) {
            throw ReadFailures.unpacksTooFar(filename, limits);
        }
    }

    /** The compressed file as read: how many of its bytes the decompressor has consumed so far. */
    static final class Packed extends FilterInputStream {
        private long bytes;

        Packed(InputStream file) {
            super(file);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }
}
