package com.budgetsync.net;

/**
 * A customer-supplied host or URL points somewhere budget-sync must not connect to. An IllegalArgumentException, as
 * the config is what is wrong: the API answers 400 and a workflow activity fails without retrying (bad input).
 */
public class OutboundRefusedException extends IllegalArgumentException {
    public OutboundRefusedException(String message) {
        super(message);
    }
}
