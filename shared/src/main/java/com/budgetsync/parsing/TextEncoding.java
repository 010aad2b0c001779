package com.budgetsync.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Works out how a text export is encoded: a byte-order mark says UTF-8 or UTF-16; otherwise the file must decode as
 * UTF-8, else it is taken as Windows-1252 (what Excel on Windows writes for "CSV" without "UTF-8").
 */
final class TextEncoding {
    static final String WINDOWS_1252 = "windows-1252";
    private static final int HEAD_BYTES = 1 << 16;

    private TextEncoding() {
    }

    static String detect(FileContent file) throws IOException {
        byte[] head;
        try (InputStream in = file.open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        String fromBom = bomCharset(head);
        if (fromBom != null) {
            return fromBom;
        }
        if (!decodesAsUtf8(head)) {
            return WINDOWS_1252;
        }
        // A head of plain ASCII says nothing: one accented name far down a legacy export must not become a "?"
        return head.length < HEAD_BYTES || wholeFileIsUtf8(file) ? "UTF-8" : WINDOWS_1252;
    }

    private static boolean wholeFileIsUtf8(FileContent file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(HEAD_BYTES);
        CharBuffer chars = CharBuffer.allocate(HEAD_BYTES);
        try (InputStream in = file.open()) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0)).flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                bytes.compact();
                chars.clear();
            }
        }
        return true;
    }

    /** A reader over the file in the given charset that leaves out a byte-order mark. */
    static Reader reader(FileContent file, String charset) throws IOException {
        BufferedInputStream in = new BufferedInputStream(file.open(), 1 << 16);
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        in.skipNBytes(bomLength(head));
        return new InputStreamReader(in, Charset.forName(charset));
    }

    private static String bomCharset(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return "UTF-8";
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF) ? 2 : 0;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodesAsUtf8(byte[] head) {
        // The head may end inside a multi-byte character: drop up to 3 trailing continuation/lead bytes.
        int end = head.length;
        if (head.length == HEAD_BYTES) {
            while (end > head.length - 4 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(Arrays.copyOf(head, end)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
