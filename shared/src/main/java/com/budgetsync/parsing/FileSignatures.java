package com.budgetsync.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises files by their first bytes: compressed drops (a zip that is not a workbook, gzip) that are unpacked
 * before reading, and files that are not spreadsheets (PDFs, images, other archives, programs, web pages), so that
 * they are refused as what they are instead of being read as odd CSV and sent to mapping review.
 */
final class FileSignatures {
    private static final int HEAD_BYTES = 512;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    /** A zip of no entries is its end record alone. */
    private static final byte[] EMPTY_ZIP = {0x50, 0x4B, 0x05, 0x06};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};
    /** A POSIX tar header's magic, at offset 257: a .tar.gz unpacks to one. */
    private static final byte[] TAR = ascii("ustar");
    /** Entry names only a workbook (xlsx, or ods that the workbook reader explains) holds, stored uncompressed. */
    private static final byte[][] WORKBOOK_ENTRIES = {ascii("[Content_Types].xml"), ascii("xl/workbook"),
            ascii("mimetypeapplication/vnd.oasis")};

    private FileSignatures() {
    }

    /** How a file is packed: a compressed drop is read through to the file inside ({@link CompressedDrops}). */
    enum Compression { NONE, ZIP, GZIP }

    static Compression compression(FileContent file) throws IOException {
        byte[] head = head(file);
        if (startsWith(head, ZIP)) {
            return isOpenDocument(head) || holdsWorkbook(file) ? Compression.NONE : Compression.ZIP;
        }
        if (startsWith(head, EMPTY_ZIP)) {
            return Compression.ZIP;
        }
        return startsWith(head, GZIP) ? Compression.GZIP : Compression.NONE;
    }

    private static byte[] head(FileContent file) throws IOException {
        try (InputStream in = file.open()) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /**
     * Why the file is refused before reading it as a table, when its first bytes say it is not one this reads. A
     * compressed drop is unpacked first, so an archive here is one inside another, which is not unpacked again.
     */
    static Optional<UnreadableFileException> refusal(FileContent file) throws IOException {
        byte[] head = head(file);
        if (startsWith(head, ZIP)) {
            if (isOpenDocument(head)) {
                return Optional.of(ReadFailures.openDocument(file.filename()));
            }
            return holdsWorkbook(file) ? Optional.empty()
                    : Optional.of(ReadFailures.notASpreadsheet(file.filename(), "a zip archive"));
        }
        return Optional.ofNullable(byMagic(head)).map(what -> ReadFailures.notASpreadsheet(file.filename(), what));
    }

    /** OpenDocument puts its media type first, uncompressed: the zip's first entry is "mimetype". */
    private static boolean isOpenDocument(byte[] h) {
        byte[] marker = ascii("mimetypeapplication/vnd.oasis.opendocument");
        return h.length >= 30 + marker.length && Arrays.equals(h, 30, 30 + marker.length, marker, 0, marker.length);
    }

    private static String byMagic(byte[] h) {
        if (startsWith(h, ascii("%PDF"))) {
            return "a PDF document";
        }
        if (startsWith(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "an image (PNG)";
        }
        if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
            return "an image (JPEG)";
        }
        if (startsWith(h, ascii("GIF87a")) || startsWith(h, ascii("GIF89a"))) {
            return "an image (GIF)";
        }
        // "BM" alone starts ordinary text ("BMW,..."): a bitmap also has four reserved zero bytes after its size
        if (startsWith(h, 'B', 'M') && h.length >= 10 && h[6] == 0 && h[7] == 0 && h[8] == 0 && h[9] == 0) {
            return "an image (BMP)";
        }
        if (startsWith(h, 'I', 'I', '*', 0) || startsWith(h, 'M', 'M', 0, '*')) {
            return "an image (TIFF)";
        }
        if (startsWith(h, ascii("RIFF")) && h.length >= 12 && Arrays.equals(h, 8, 12, ascii("WEBP"), 0, 4)) {
            return "an image (WebP)";
        }
        if (startsWith(h, GZIP)) {
            return "a gzip archive";
        }
        if (h.length >= 262 && Arrays.equals(h, 257, 262, TAR, 0, TAR.length)) {
            return "a tar archive";
        }
        if (startsWith(h, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7-Zip archive";
        }
        if (startsWith(h, ascii("Rar!\u001A\u0007"))) {
            return "a RAR archive";
        }
        if (startsWith(h, 0x7F, 'E', 'L', 'F') || isWindowsProgram(h)) {
            return "a program (executable)";
        }
        return isHtml(h) ? "a web page (HTML), often a login or error page saved in place of the export" : null;
    }

    /** "MZ" may start a line of text; a program's header also holds zero bytes. */
    private static boolean isWindowsProgram(byte[] h) {
        if (!startsWith(h, 'M', 'Z')) {
            return false;
        }
        for (int i = 2; i < Math.min(h.length, 64); i++) {
            if (h[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHtml(byte[] h) {
        String text = new String(h, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        text = text.stripLeading().toLowerCase(Locale.ROOT);
        return text.startsWith("<!doctype html") || text.startsWith("<html");
    }

    /**
     * Whether a zip holds a workbook: entry names are stored as plain bytes, so scanning the raw file for them needs
     * no unpacking (a zip bomb costs only its own size here). Workbooks list their entries first, so this stops early.
     */
    private static boolean holdsWorkbook(FileContent file) throws IOException {
        int longest = Arrays.stream(WORKBOOK_ENTRIES).mapToInt(e -> e.length).max().orElse(0);
        byte[] window = new byte[(1 << 16) + longest];
        int kept = 0;
        try (InputStream in = file.open()) {
            for (int n; (n = in.read(window, kept, window.length - kept)) > 0; ) {
                int end = kept + n;
                for (byte[] entry : WORKBOOK_ENTRIES) {
                    if (indexOf(window, end, entry) >= 0) {
                        return true;
                    }
                }
                kept = Math.min(longest, end);
                System.arraycopy(window, end - kept, window, 0, kept);
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, int end, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
