package com.budgetsync.net;

/** A customer-supplied host or URL points somewhere budget-sync must not connect to. Retrying cannot help. */
public class OutboundRefusedException extends RuntimeException {
    public OutboundRefusedException(String message) {
        super(message);
    }
}
