package com.budgetsync.api.resources;

import com.budgetsync.api.errors.ApiException;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The content types a budget file may be sent as (uploads, mapping preview), compressed (zip, gzip) or not; anything
 * else is refused with 415 before the file readers see it, so HTML, JSON or scripts never reach them.
 * {@code curl --data-binary @budget.csv} sends {@code application/x-www-form-urlencoded} unless told otherwise: such a
 * body is accepted when its first bytes look like a budget file (an Excel, zip or gzip signature, or a first line of
 * text with a delimiter that is not markup or JSON).
 */
final class FileContentTypes {
    static final List<MediaType> ACCEPTED = List.of(MediaType.valueOf("text/csv"),
            MediaType.valueOf("text/tab-separated-values"), MediaType.TEXT_PLAIN_TYPE,
            MediaType.APPLICATION_OCTET_STREAM_TYPE,
            MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            MediaType.valueOf("application/vnd.ms-excel"), MediaType.valueOf("application/zip"),
            MediaType.valueOf("application/x-zip-compressed"), MediaType.valueOf("application/gzip"),
            MediaType.valueOf("application/x-gzip"));
    private static final int SNIFF_BYTES = 4096;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};

    private FileContentTypes() {
    }

    /** The body to read: as sent for a file's content type, or a sniffed curl default; else 415. */
    static InputStream checked(MediaType type, InputStream body) throws IOException {
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            check(type);
            return body;
        }
        BufferedInputStream buffered = new BufferedInputStream(body, SNIFF_BYTES);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        if (!looksLikeFile(head)) {
            throw refused("Content-Type '" + type + "' with a body that is not a CSV or Excel file");
        }
        return buffered;
    }

    static void check(MediaType type) {
        if (type == null || ACCEPTED.stream().noneMatch(accepted -> accepted.isCompatible(type))) {
            throw refused("Content-Type " + (type == null ? "missing" : "'" + type + "' not accepted"));
        }
    }

    private static boolean looksLikeFile(byte[] head) {
        if (startsWith(head, ZIP) || startsWith(head, OLE2) || startsWith(head, GZIP)) {
            return true;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        String firstLine = text.lines().findFirst().orElse("");
        boolean markupOrJson = text.startsWith("<") || text.startsWith("{") || text.startsWith("[");
        return !markupOrJson && firstLine.chars().anyMatch(c -> c == ',' || c == ';' || c == '\t' || c == '|');
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ApiException refused(String what) {
        return new ApiException(415, what + "; send one of: "
                + ACCEPTED.stream().map(MediaType::toString).collect(Collectors.joining(", "))
                + ", or multipart/form-data with a 'file' part");
    }
}
