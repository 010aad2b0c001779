package com.budgetsync.api.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a reservation beyond the available amount does: {@code hard} refuses it, {@code soft} allows it with an
 * override reason, {@code notify} allows it and raises an alert. Declared strictest first: a request drawn on several
 * budgets follows the strictest of their policies.
 */
public enum Policy {
    HARD, SOFT, NOTIFY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for null; anything but the three names is refused in words. */
    @JsonCreator
    public static Policy parse(String text) {
        if (text == null) {
            return null;
        }
        for (Policy p : values()) {
            if (p.json().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new BudgetException.Invalid("policy '" + text + "' is not one of hard, soft, notify");
    }

    public Policy stricter(Policy other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
