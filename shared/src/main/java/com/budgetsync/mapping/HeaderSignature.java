package com.budgetsync.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short fingerprint of a header row, so a config can remember "the last mapping that worked was for these
 * columns". Headers are normalised first: "Budget Amount" and "budget_amount" give the same signature.
 */
public final class HeaderSignature {
    private HeaderSignature() {
    }

    public static String of(List<String> headers) {
        String joined = String.join("\u001F", headers.stream().map(HeaderNames::normalize).toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "h1:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
