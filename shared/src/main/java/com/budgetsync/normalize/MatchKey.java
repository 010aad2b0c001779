package com.budgetsync.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How department and sub-category names compare, in imports and in budget checks alike: case ignored, runs of
 * whitespace as one space, outer whitespace dropped ("  Field  Marketing" = "field marketing"). Computed here, once
 * per row while staging, and stored beside the name, so the budget's unique key is also the check's lookup key and
 * no index evaluates a function per row. Migration 017 computed the same for budgets stored before it.
 */
public final class MatchKey {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MatchKey() {
    }

    /** The key of a name; "" for none. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        if (spacedAlready(name)) {
            // most names: a regex per name was a fifth of a million-row re-sync's time in Java
            return name.toLowerCase(Locale.ROOT);
        }
        return WHITESPACE.matcher(name).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** No outer whitespace, no whitespace but single spaces: the regex and strip() would change nothing. */
    private static boolean spacedAlready(String name) {
        int last = name.length() - 1;
        if (last < 0 || Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = name.charAt(i);
            // \s is [ \t\n\x0B\f\r]
            if (c == ' ' ? name.charAt(i + 1) == ' ' : c <= '\r' && c >= '\t') {
                return false;
            }
        }
        return true;
    }
}
