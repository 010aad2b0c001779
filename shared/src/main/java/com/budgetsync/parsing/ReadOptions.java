package com.budgetsync.parsing;

/**
 * What a config may say about reading its files: the sheet (null: chosen automatically) and the file pattern, which
 * also picks the entry of a zip that holds several files (null: {@link FilePatterns#DEFAULT}).
 */
public record ReadOptions(String sheet, String filePattern) {
    public static final ReadOptions DEFAULT = new ReadOptions(null, null);

    public ReadOptions(String sheet) {
        this(sheet, null);
    }
}
