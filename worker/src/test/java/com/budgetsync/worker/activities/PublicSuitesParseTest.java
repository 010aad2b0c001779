package com.budgetsync.worker.activities;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.FileStore;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.domain.SourceType;
import com.budgetsync.domain.StoredFile;
import com.budgetsync.testing.PublicSuites;
import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.FailureCatalogue;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every spreadsheet of POI's and calamine's test suites through the Parse activity's reading, as the worker runs it
 * (an unexpected exception is what the worker's failure translation makes of it): each file reads or is refused in
 * words, in bounded time and allocation.
 */
class PublicSuitesParseTest {
    /** Per file; the slowest measured 0.9–4.2 s on a busy two-core machine (other builds running). */
    private static final long MAX_MILLIS = 10_000;
    /** Bytes one file's reading may allocate (garbage included): a runaway read allocates gigabytes. */
    private static final long MAX_ALLOCATED = 512L << 20;

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void everyFileReadsOrIsRefusedInWordsInBoundedTimeAndMemory() throws IOException {
        DataSourceConfig config = new ConfigDao(db.jdbi()).create("public-suites", "upload", SourceType.UPLOAD, true,
                "manual", "UTC", Map.of(), ConfigOptions.DEFAULTS);
        FileStore files = new FileStore(db.jdbi());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> problems = new ArrayList<>();
        long slowest = 0;
        long mostAllocated = 0;
        int refused = 0;
        List<Path> suite = PublicSuites.files();
        for (Path path : suite) {
            String filename = path.getFileName().toString();
            StoredFile file;
            try (InputStream in = Files.newInputStream(path)) {
                file = files.store(config.customerId(), config.id(), filename, in, 1 << 20, FileStore.Origin.NONE);
            }
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            String message = null;
            try {
                ParseActivityImpl.detect(files, file, config);
            } catch (ApplicationFailure failure) {
                message = failure.getOriginalMessage();
            } catch (RuntimeException | StackOverflowError e) {
                message = FailureCatalogue.translate("Parse", e).getOriginalMessage();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            slowest = Math.max(slowest, millis);
            mostAllocated = Math.max(mostAllocated, allocated);
            String name = PublicSuites.name(path);
            if (message != null) {
                refused++;
                String words = message.replace(filename, "");
                if (message.isBlank() || PublicSuites.LEAK.matcher(words).find()) {
                    problems.add(name + ": \"" + message + "\"");
                }
            }
            if (millis > MAX_MILLIS) {
                problems.add(name + ": took " + millis + " ms");
            }
            if (allocated > MAX_ALLOCATED) {
                problems.add(name + ": allocated " + (allocated >> 20) + " MB");
            }
        }
        System.out.printf("public suites through Parse: %d files, %d refused, slowest %d ms, most allocated %d MB%n",
                suite.size(), refused, slowest, mostAllocated >> 20);
        assertTrue(suite.size() >= 300, "the suites hold " + suite.size() + " files");
        assertTrue(problems.isEmpty(), problems.size() + " files:\n" + String.join("\n", problems));
    }
}
