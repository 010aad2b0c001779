package com.budgetsync.parsing;

/** What a config may say about reading its files; null sheet means "choose automatically". */
public record ReadOptions(String sheet) {
    public static final ReadOptions DEFAULT = new ReadOptions(null);
}
