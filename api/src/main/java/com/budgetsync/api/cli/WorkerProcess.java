package com.budgetsync.api.cli;

import java.io.File;
import java.nio.file.Path;

/**
 * This jar's {@code worker} command in a process of its own, on the same database and Temporal: the deployed shape
 * (the API runs no worker unless WORKER_IN_API is set), for benchmarks that must not measure the worker's CPU, heap
 * and garbage collection inside the API's JVM.
 */
final class WorkerProcess implements AutoCloseable {
    private final Process process;

    WorkerProcess(String databaseUrl, String temporalAddress, int slots, Path log) throws Exception {
        String jar = new File(WorkerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar, "worker")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("TEMPORAL_ADDRESS", temporalAddress);
        builder.environment().put("WORKER_MAX_CONCURRENT_SYNCS", Integer.toString(slots));
        this.process = builder.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
