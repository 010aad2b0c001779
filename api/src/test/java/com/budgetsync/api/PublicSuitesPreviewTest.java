package com.budgetsync.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.PublicSuites;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every spreadsheet of POI's and calamine's test suites through POST /api/mapping/preview over HTTP: each is
 * previewed or refused in words (never a 5xx, a class or library name, a temporary path or an empty message), in
 * bounded time and allocation on the preview threads.
 */
class PublicSuitesPreviewTest {
    /** Per file, upload included, under the previews' own 30 s limit; the slowest measured 1.3–7.5 s (busy machine). */
    private static final long MAX_MILLIS = 20_000;
    /** Bytes one preview may allocate (garbage included): a runaway read allocates gigabytes. */
    private static final long MAX_ALLOCATED = 512L << 20;

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void everyFileIsPreviewedOrRefusedInWords() throws Exception {
        List<String> problems = new ArrayList<>();
        long slowest = 0;
        long mostAllocated = 0;
        int refused = 0;
        List<Path> suite = PublicSuites.files();
        for (Path path : suite) {
            String filename = path.getFileName().toString();
            long allocatedBefore = previewThreadsAllocated();
            long start = System.nanoTime();
            RunningApp.Response response = app.postBytes("/api/mapping/preview?customerId=suites&filename="
                    + URLEncoder.encode(filename, StandardCharsets.UTF_8), Files.readAllBytes(path),
                    "application/octet-stream");
            long millis = (System.nanoTime() - start) / 1_000_000;
            long allocated = previewThreadsAllocated() - allocatedBefore;
            slowest = Math.max(slowest, millis);
            mostAllocated = Math.max(mostAllocated, allocated);
            String name = PublicSuites.name(path);
            if (response.status() != 200) {
                refused++;
                String message = response.status() < 500 ? response.json().path("error").asText() : "";
                if (response.status() >= 500 || message.isBlank()
                        || PublicSuites.LEAK.matcher(message.replace(filename, "")).find()) {
                    problems.add(name + ": " + response.status() + " " + response.body());
                }
            }
            if (millis > MAX_MILLIS) {
                problems.add(name + ": took " + millis + " ms");
            }
            if (allocated > MAX_ALLOCATED) {
                problems.add(name + ": allocated " + (allocated >> 20) + " MB");
            }
        }
        System.out.printf("public suites through the preview: %d files, %d refused, slowest %d ms,"
                + " most allocated %d MB%n", suite.size(), refused, slowest, mostAllocated >> 20);
        assertTrue(suite.size() >= 300, "the suites hold " + suite.size() + " files");
        assertTrue(problems.isEmpty(), problems.size() + " files:\n" + String.join("\n", problems));
    }

    /** What the preview pool's threads have allocated so far (a thread not yet started counts nothing). */
    private static long previewThreadsAllocated() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("preview-")).mapToLong(Thread::getId).toArray();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
