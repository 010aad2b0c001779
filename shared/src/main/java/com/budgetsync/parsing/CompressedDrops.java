package com.budgetsync.parsing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Compressed drops ({@code .zip}, {@code .gz}): the budget file inside is read straight from the stored archive, as a
 * stream, each time a reader opens it. A first pass reads the whole archive once under {@link UnpackLimits} and
 * chooses the entry: the only file, else the one the config's file pattern matches, else the run fails listing them.
 */
final class CompressedDrops {
    /** Windows' "compressed folder" writes names in the DOS code page unless it flags them as UTF-8. */
    private static final Charset LEGACY_NAMES = legacyNames();
    private static final int LISTED = 20;

    private CompressedDrops() {
    }

    /** The file to read as a table, and the entry it is ({@code null} when the file is read as it is). */
    record Unpacked(FileContent content, String entry) {
    }

    static Unpacked unpack(FileContent file, ReadOptions options, UnpackLimits limits) throws IOException {
        return switch (FileSignatures.compression(file)) {
            case NONE -> new Unpacked(file, null);
            case GZIP -> {
                drain(file, limits);
                String entry = gunzippedName(file.filename());
                yield new Unpacked(gzipped(file, limits), entry);
            }
            case ZIP -> {
                String entry = choose(file, list(file, limits), options);
                yield new Unpacked(zipped(file, entry, limits), entry);
            }
        };
    }

    /** The entry a layout names, read again from the archive; the file itself when it names none. */
    static FileContent entry(FileContent file, String entry, UnpackLimits limits) throws IOException {
        if (entry == null) {
            return file;
        }
        return FileSignatures.compression(file) == FileSignatures.Compression.GZIP ? gzipped(file, limits)
                : zipped(file, entry, limits);
    }

    private static String gunzippedName(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gz") && filename.length() > 3 ? filename.substring(0, filename.length() - 3)
                : filename;
    }

    private static FileContent gzipped(FileContent file, UnpackLimits limits) {
        return FileContent.of(file.filename(), () -> {
            LimitedUnpacking.Packed packed = new LimitedUnpacking.Packed(file.open());
            try {
                return new LimitedUnpacking(new GZIPInputStream(packed, 1 << 16), packed, limits, file.filename());
            } catch (ZipException e) {
                packed.close();
                throw ReadFailures.damagedArchive(file.filename(), "gzip", e);
            }
        });
    }

    private static void drain(FileContent file, UnpackLimits limits) throws IOException {
        byte[] sink = new byte[1 << 16];
        try (InputStream in = gzipped(file, limits).open()) {
            while (in.read(sink) >= 0) {
                // counted (and refused past the limits) by LimitedUnpacking
            }
        } catch (ZipException | EOFException e) {
            throw ReadFailures.damagedArchive(file.filename(), "gzip", e);
        }
    }

    /** Every file in the zip (folders and the clutter archivers add left out), read once under the limits. */
    private static List<String> list(FileContent file, UnpackLimits limits) throws IOException {
        List<String> files = new ArrayList<>();
        byte[] sink = new byte[1 << 16];
        int entries = 0;
        try (LimitedUnpacking.Packed packed = new LimitedUnpacking.Packed(file.open());
             ZipInputStream zip = new ZipInputStream(packed, LEGACY_NAMES)) {
            LimitedUnpacking counted = new LimitedUnpacking(InputStream.nullInputStream(), packed, limits,
                    file.filename());
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw ReadFailures.tooManyEntries(file.filename(), limits);
                }
                counted.next(zip);
                while (counted.read(sink) >= 0) {
                    // counted (and refused past the limits) by LimitedUnpacking
                }
                if (!e.isDirectory() && !isClutter(e.getName())) {
                    files.add(e.getName());
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            throw ReadFailures.damagedArchive(file.filename(), "zip", e);
        }
        return files;
    }

    /** macOS resource forks, hidden files, Windows' thumbnail caches: never the budget. */
    private static boolean isClutter(String name) {
        String base = baseName(name);
        return name.startsWith("__MACOSX/") || base.startsWith(".") || base.equalsIgnoreCase("Thumbs.db")
                || base.equalsIgnoreCase("desktop.ini");
    }

    private static String choose(FileContent file, List<String> files, ReadOptions options) {
        if (files.size() == 1) {
            return files.get(0);
        }
        if (files.isEmpty()) {
            throw ReadFailures.emptyArchive(file.filename());
        }
        List<PathMatcher> wanted = FilePatterns.matchers(options.filePattern());
        List<String> matching = files.stream()
                .filter(name -> FilePatterns.matches(wanted, Path.of(baseName(name)))).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String pattern = options.filePattern() == null || options.filePattern().isBlank() ? FilePatterns.DEFAULT
                : options.filePattern();
        throw ReadFailures.whichEntry(file.filename(), files.size(), listed(files), pattern, matching.size());
    }

    private static String listed(List<String> files) {
        String shown = String.join(", ", files.subList(0, Math.min(LISTED, files.size())));
        return files.size() > LISTED ? shown + " and " + (files.size() - LISTED) + " more" : shown;
    }

    private static FileContent zipped(FileContent file, String entry, UnpackLimits limits) {
        return FileContent.of(file.filename() + "/" + baseName(entry), () -> {
            LimitedUnpacking.Packed packed = new LimitedUnpacking.Packed(file.open());
            ZipInputStream zip = new ZipInputStream(packed, LEGACY_NAMES);
            try {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals(entry)) {
                        return new LimitedUnpacking(zip, packed, limits, file.filename());
                    }
                }
            } catch (ZipException | IllegalArgumentException e) {
                zip.close();
                throw ReadFailures.damagedArchive(file.filename(), "zip", e);
            }
            zip.close();
            throw new UnreadableFileException(file.filename() + ": the archive no longer holds " + entry);
        });
    }

    private static String baseName(String entry) {
        String trimmed = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static Charset legacyNames() {
        try {
            return Charset.forName("IBM437");
        } catch (IllegalArgumentException | UncheckedIOException missing) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
