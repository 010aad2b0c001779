package com.budgetsync.api.views;

import com.budgetsync.domain.Alert;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Alerts, newest first, in the list envelope (README, "Lists"): the filter it answers ({@code customerId}, left out
 * for the admin's list of every customer; {@code open}), the total and the page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPage(String customerId, boolean open, long total, int limit, int offset, List<Alert> alerts) {
}
