package com.budgetsync.api.resources;

import com.budgetsync.api.errors.ApiException;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.net.OutboundRefusedException;
import java.util.List;
import java.util.Map;

/**
 * When a config is saved, the hosts and URLs in it that budget-sync will connect to (SFTP host, S3 endpoint, HTTPS
 * source URL, webhooks) are checked by the {@link OutboundGuard}, so a bad one is refused with a 400 naming the field
 * instead of failing every scheduled run. The sources and notifiers check again at connect time.
 */
final class OutboundTargets {
    private static final List<String> SOURCE_KEYS = List.of("host", "endpoint", "url");

    private OutboundTargets() {
    }

    static void checkSource(OutboundGuard guard, Map<String, Object> sourceConfig) {
        for (String key : SOURCE_KEYS) {
            if (sourceConfig.get(key) instanceof String target && !target.isBlank()) {
                check(guard, "sourceConfig." + key, target);
            }
        }
    }

    static void checkWebhook(OutboundGuard guard, String url) {
        check(guard, "options.notifyWebhooks", url);
    }

    private static void check(OutboundGuard guard, String field, String target) {
        try {
            guard.checkTarget(target);
        } catch (OutboundRefusedException e) {
            throw ApiException.badRequest(field + ": " + e.getMessage());
        }
    }
}
