package com.budgetsync.api.views;

/** Customer ids appear in Temporal workflow ids and URLs: letters, digits, '.', '_' and '-' only. */
public final class Ids {
    public static final String CUSTOMER_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String CUSTOMER_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}
