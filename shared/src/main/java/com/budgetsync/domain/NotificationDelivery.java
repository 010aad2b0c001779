package com.budgetsync.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * How one recipient of a run's notification was served ({@code notification_delivery}). {@code target} is an email
 * address, or a webhook masked to scheme, host and a short hash of the full URL.
 */
public record NotificationDelivery(Channel channel, String target, Status status, int attempts, String lastError,
                                   Instant updatedAt) {
    public enum Channel {
        EMAIL, WEBHOOK, SLACK;

        @JsonValue
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code pending}: failed so far, tried again by the activity's next attempt; the other two are final. */
    public enum Status {
        PENDING, DELIVERED, FAILED;

        @JsonValue
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isFinal() {
            return this != PENDING;
        }
    }
}
