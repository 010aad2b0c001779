package com.budgetsync.api.cli;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, and their percentiles in milliseconds. */
final class Latencies {
    private long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * size) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    int count() {
        return size;
    }
}
