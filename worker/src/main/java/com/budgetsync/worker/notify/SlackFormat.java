package com.budgetsync.worker.notify;

import com.budgetsync.db.Json;
import java.util.Map;

/**
 * Slack's incoming-webhook body: {@code {"text": ...}} with the notice's readable summary. Slack reads {@code &},
 * {@code <} and {@code >} as markup (links, mentions), so they are escaped as its documentation asks.
 */
public final class SlackFormat {
    private SlackFormat() {
    }

    public static String body(Notice notice) {
        return Json.write(Map.of("text", escape(notice.text())));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
