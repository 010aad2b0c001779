package com.budgetsync.parsing;

/**
 * How far a compressed drop may unpack before it is refused: entries in a zip, bytes unpacked in all, and the ratio of
 * unpacked to packed bytes (checked past {@code ratioFloorBytes}, below which no file is worth refusing). A zip bomb
 * (deflate packs zeros about 1,000 to 1) trips the ratio after a few megabytes, a many-entry zip the count, both
 * while reading the archive once as a stream: nothing is held in memory or written to disk first.
 */
public record UnpackLimits(int maxEntries, long maxUnpackedBytes, int maxRatio, long ratioFloorBytes) {
    /** A real export is a few files packing 3 to 20 times; these leave room for odd ones and nothing more. */
    public static final UnpackLimits DEFAULT = new UnpackLimits(1_000, 1L << 30, 100, 1L << 20);
}
