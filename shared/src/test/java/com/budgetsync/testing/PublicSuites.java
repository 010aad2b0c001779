package com.budgetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The spreadsheets of Apache POI's and calamine's own test suites, kept in shared's test resources
 * ({@code public-suites/NOTICE.md}): damaged, encrypted, odd and ancient workbooks that a budget file may one day
 * resemble. Read from the source tree (the worker's and the API's tests run in their module folders, beside shared),
 * so the test jar need not be listed.
 */
public final class PublicSuites {
    /** What must never reach a person: class and package names, library names, stack frames, temporary paths. */
    public static final Pattern LEAK = Pattern.compile("\\b(java|javax|org|com|net|sun|jdk)\\.[a-z]+|Exception"
            + "|\\bat [a-z]+\\.|/tmp/|budget-sync-preview-|\\bPOI\\b|poi\\b|xmlbeans|fastexcel|\\bnull\\b"
            + "|ERROR:|SQL");

    private PublicSuites() {
    }

    /** Every file of both suites, by path, sorted so failures are reported in the same order each time. */
    public static List<Path> files() {
        Path root = Stream.of(Path.of("src/test/resources/public-suites"),
                        Path.of("../shared/src/test/resources/public-suites"))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("public-suites folder not found from "
                        + Path.of("").toAbsolutePath()));
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).+\\.(xls|xlsx|xlsm|csv)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "poi/49096.xls": how a failure names the file. */
    public static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
