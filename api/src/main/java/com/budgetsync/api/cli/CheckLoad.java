package com.budgetsync.api.cli;

import com.budgetsync.api.budget.BudgetFinder;
import com.budgetsync.api.budget.BudgetTarget;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Budget-check latency at a fixed request rate: over HTTP with {@code hey} (Debian package {@code hey}), and the
 * database's own point query (the check's {@link BudgetFinder} query over JDBC) at the same rate as the floor.
 */
final class CheckLoad {
    private static final Pattern PERCENTILE = Pattern.compile("(\\d+)% in ([\\d.]+) secs");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");

    record Result(double p50, double p99, double rate, String statuses) {
    }

    /** A round of warm-up load; the JIT has settled when it compiled for less than 2% of a round. */
    private static final int WARM_UP_ROUND_SECONDS = 5;
    private static final long SETTLED_COMPILATION_MS = 100;
    private static final int MAX_WARM_UP_ROUNDS = 24;

    private CheckLoad() {
    }

    /**
     * Sends the check load until the JIT has finished compiling what serves it, and returns the seconds that took. On
     * 2 cores C2 compiles the request path for about a minute of load, half a core meanwhile: a latency measured
     * before that is start-up, not the steady state of an API that runs for days.
     */
    static int warmUp(String url, String token, String body, int rate, int workers)
            throws IOException, InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long before = jit.getTotalCompilationTime();
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            http(url, token, body, rate, workers, WARM_UP_ROUND_SECONDS);
            long after = jit.getTotalCompilationTime();
            if (after - before < SETTLED_COMPILATION_MS) {
                return round * WARM_UP_ROUND_SECONDS;
            }
            before = after;
        }
        return MAX_WARM_UP_ROUNDS * WARM_UP_ROUND_SECONDS;
    }

    /**
     * {@code hey} with {@code workers} workers of {@code rate / workers} requests/s each, for {@code seconds}. hey's
     * workers tick in step, so requests arrive in bursts of {@code workers}: few workers is steady traffic, many is
     * bursty traffic.
     */
    static Result http(String url, String token, String body, int rate, int workers, int seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of("hey", "-z", seconds + "s", "-c", String.valueOf(workers), "-q",
                String.valueOf(rate / workers), "-m", "POST", "-T", "application/json",
                "-H", "Authorization: Bearer " + token, "-d", body, url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("hey failed: " + out);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            if (m.group(1).equals("50")) {
                p50 = Double.parseDouble(m.group(2)) * 1000;
            } else if (m.group(1).equals("99")) {
                p99 = Double.parseDouble(m.group(2)) * 1000;
            }
        }
        Matcher r = RATE.matcher(out);
        List<String> statuses = new ArrayList<>();
        Matcher s = STATUS.matcher(out);
        while (s.find()) {
            statuses.add(s.group(1) + "×" + s.group(2));
        }
        return new Result(p50, p99, r.find() ? Double.parseDouble(r.group(1)) : Double.NaN, String.join(" ", statuses));
    }

    /**
     * The point query at a fixed rate on one connection, open loop: each latency counts from when the query was due,
     * so a stall delays, and is charged to, the queries behind it.
     */
    static Result database(Jdbi jdbi, BudgetTarget target, int rate, int seconds) {
        Latencies latencies = new Latencies(rate * seconds);
        long interval = Duration.ofSeconds(1).toNanos() / rate;
        jdbi.useHandle(h -> {
            long start = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                BudgetFinder.find(h, target).orElseThrow();
                latencies.add(System.nanoTime() - due);
            }
        });
        return new Result(latencies.percentileMillis(50), latencies.percentileMillis(99), rate,
                "200×" + latencies.count());
    }
}
