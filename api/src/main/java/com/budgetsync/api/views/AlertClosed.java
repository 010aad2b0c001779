package com.budgetsync.api.views;

import com.budgetsync.domain.Alert;

/** The answer to closing an alert: the alert as it now is. */
public record AlertClosed(boolean success, String message, Alert alert) {
}
