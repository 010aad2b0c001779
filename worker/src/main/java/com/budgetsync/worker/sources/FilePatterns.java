package com.budgetsync.worker.sources;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;

/** Glob lists such as {@code *.csv,*.xlsx,*.xls} (the default), matched case-insensitively on the file name. */
public final class FilePatterns {
    public static final String DEFAULT = "*.csv,*.xlsx,*.xls";

    private FilePatterns() {
    }

    public static List<PathMatcher> matchers(Object pattern) {
        String value = pattern == null || pattern.toString().isBlank() ? DEFAULT : pattern.toString();
        return Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    public static boolean matches(List<PathMatcher> matchers, Path name) {
        Path lower = Path.of(name.toString().toLowerCase(java.util.Locale.ROOT));
        return matchers.stream().anyMatch(m -> m.matches(lower));
    }
}
