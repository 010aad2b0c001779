package com.budgetsync.worker.sources;

import com.budgetsync.parsing.FilePatterns;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code sourceConfig} keys every remote source shares: which files to look at, when a file counts as complete,
 * what to do with it once imported, and how large it may be.
 */
public record PollSettings(List<PathMatcher> patterns, Duration settle, Duration settleCheck, boolean requireMarker,
                           AfterImport afterImport, long maxFileBytes) {
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SETTLE_CHECK = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;
    /** Suffixes of the marker a writer drops next to a finished file ({@code budget.csv.done}). */
    public static final List<String> MARKER_SUFFIXES = List.of(".done", ".ok");

    /** {@code afterImport}: leave the file, move it to {@code archive/} beside it, or delete it. */
    public enum AfterImport { KEEP, ARCHIVE, DELETE }

    public static PollSettings of(Map<String, Object> config) {
        Object pattern = config.containsKey("filePattern") ? config.get("filePattern") : config.get("pattern");
        String after = ConfigValues.text(config, "afterImport", "keep");
        AfterImport afterImport;
        try {
            afterImport = AfterImport.valueOf(after.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sourceConfig.afterImport must be keep, archive or delete, not '"
                    + after + "'");
        }
        return new PollSettings(FilePatterns.matchers(pattern),
                Duration.ofSeconds(ConfigValues.number(config, "settleSeconds", DEFAULT_SETTLE.toSeconds())),
                Duration.ofSeconds(ConfigValues.number(config, "settleCheckSeconds", DEFAULT_SETTLE_CHECK.toSeconds())),
                ConfigValues.flag(config, "requireMarker"),
                afterImport, ConfigValues.number(config, "maxFileBytes", DEFAULT_MAX_FILE_BYTES));
    }

    /** A data file the config asks for. */
    public boolean isWanted(String name) {
        return FilePatterns.matches(patterns, Path.of(name));
    }

    /** A marker of a wanted file, when markers are required. */
    public boolean isMarker(String name) {
        return requireMarker && MARKER_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                && isWanted(name.substring(0, name.length() - suffix.length())));
    }

    /** What a source's listing keeps: wanted files, plus their markers when markers are required. */
    public boolean isListed(String name) {
        return isWanted(name) || isMarker(name);
    }
}
