package com.budgetsync.api.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The highest heap use seen while it runs, sampled every 5 ms on a daemon thread. */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
