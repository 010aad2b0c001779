package com.budgetsync.worker.importing;

/** Wall time per import phase, for the log line that tells where a slow import spent its time. */
final class Laps {
    private final long start = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private long last = start;

    void lap(String phase) {
        long now = System.nanoTime();
        text.append(phase).append(' ').append((now - last) / 1_000_000).append(" ms, ");
        last = now;
    }

    @Override
    public String toString() {
        return text + "total " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }
}
