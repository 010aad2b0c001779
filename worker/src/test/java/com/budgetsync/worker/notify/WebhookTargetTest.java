package com.budgetsync.worker.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.domain.NotificationDelivery.Channel;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {
    private static final String SLACK = "https://hooks.slack.com/services/T024BE7LD/B08ABCDEF/abcdEFGHijklMNOPqrstUVWX";

    @Test
    void slacksWebhookHostGetsSlacksFormat() {
        assertEquals(Channel.SLACK, WebhookTarget.of(SLACK).channel());
        assertEquals(Channel.SLACK, WebhookTarget.of("https://HOOKS.SLACK.COM/services/x").channel());
    }

    @Test
    void otherHostsGetTheGenericJsonUnlessTheyAskForSlacksFormat() {
        assertEquals(Channel.WEBHOOK, WebhookTarget.of("https://example.com/hooks/budget").channel());
        assertEquals(Channel.WEBHOOK, WebhookTarget.of("https://hooks.slack.com.evil.test/services/x").channel());
        WebhookTarget mattermost = WebhookTarget.of("https://chat.example.com/hooks/abc#slack");
        assertEquals(Channel.SLACK, mattermost.channel());
        assertEquals(URI.create("https://chat.example.com/hooks/abc"), mattermost.uri(), "the fragment is not sent");
    }

    @Test
    void theMaskedFormShowsSchemeAndHostButNeverThePath() {
        String masked = WebhookTarget.of(SLACK).masked();
        assertTrue(masked.matches("https://hooks\\.slack\\.com/… \\([0-9a-f]{8}\\)"), masked);
        assertFalse(masked.contains("abcdEFGH"), masked);
        assertNotEquals(masked, WebhookTarget.of(SLACK.replace("abcd", "zzzz")).masked(),
                "two hooks on one host stay apart");
        assertEquals("http://127.0.0.1:8089/… (", WebhookTarget.of("http://127.0.0.1:8089/x").masked()
                .substring(0, 25));
    }

    @Test
    void textThatIsNotAnHttpUrlIsInvalidAndShownByItsHashOnly() {
        WebhookTarget spaces = WebhookTarget.of("not a url");
        assertFalse(spaces.valid());
        assertTrue(spaces.masked().startsWith("invalid URL ("), spaces.masked());
        assertFalse(WebhookTarget.of("ftp://example.com/x").valid());
        assertTrue(WebhookTarget.of("https://example.com/x").valid());
    }
}
