package com.budgetsync.parsing;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Glob lists such as {@code *.csv,*.xlsx,*.xls,*.zip} (the default), matched case-insensitively on a file name: the
 * files a source takes, and the entry of a zip that is read when it holds several files.
 */
public final class FilePatterns {
    public static final String DEFAULT = "*.csv,*.xlsx,*.xls,*.zip";
    private static final String GZIP = ".gz";

    private FilePatterns() {
    }

    public static List<PathMatcher> matchers(Object pattern) {
        String value = pattern == null || pattern.toString().isBlank() ? DEFAULT : pattern.toString();
        return Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * Whether a name matches; {@code budget.csv.gz} matches whatever {@code budget.csv} matches, so a pattern such as
     * {@code budget_*.csv} takes the compressed export too without naming it.
     */
    public static boolean matches(List<PathMatcher> matchers, Path name) {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return matchers.stream().anyMatch(m -> m.matches(Path.of(lower)) || lower.endsWith(GZIP)
                && lower.length() > GZIP.length() && m.matches(Path.of(lower.substring(0, lower.length() - 3))));
    }
}
