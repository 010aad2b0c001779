package com.budgetsync.api.views;

import java.util.List;

/** A customer's configs, in the list envelope every list answer uses (README, "Lists"). */
public record ConfigList(String customerId, long total, List<ConfigView> configs) {
    public static ConfigList of(String customerId, List<ConfigView> configs) {
        return new ConfigList(customerId, configs.size(), configs);
    }
}
