package com.budgetsync.worker.notify;

import com.budgetsync.crypto.WebhookSignature;
import com.budgetsync.net.OutboundGuard;
import com.budgetsync.net.OutboundRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs a JSON body to a customer's webhook. The URL is customer input: the {@link OutboundGuard} checks its resolved
 * addresses right before connecting, and redirects are not followed (their target would go unchecked). Any 2xx
 * answer is delivery; 5xx, 408, 429 and network trouble are worth retrying, other answers are not. Error messages
 * leave the URL out: the delivery record and the logs name the webhook, masked. With the config's signing secret,
 * each POST carries {@value WebhookSignature#HEADER}, signed afresh per attempt (a retry is a new timestamp).
 */
public final class WebhookSender {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BODY_SHOWN = 200;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** {@code signingSecret} null sends the body unsigned. */
    public void post(WebhookTarget target, String json, String signingSecret) throws DeliveryException {
        if (!target.valid()) {
            throw new DeliveryException("not an http(s) URL", false);
        }
        try {
            OutboundGuard.current().checkTarget(target.uri().toString());
        } catch (OutboundRefusedException e) {
            throw new DeliveryException(e.getMessage(), false, e);
        }
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.uri())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (signingSecret != null) {
                request.header(WebhookSignature.HEADER,
                        WebhookSignature.header(signingSecret, Instant.now().getEpochSecond(), json));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            // the JDK's message quotes the whole URL
            throw new DeliveryException("not a URL the HTTP client accepts", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        } catch (HttpConnectTimeoutException e) {
            throw new DeliveryException("connect timed out", true, e);
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", true, e);
        } catch (ConnectException e) {
            throw new DeliveryException("connection refused", true, e);
        } catch (IOException e) {
            // the JDK client's messages name the host at most, never the path
            throw new DeliveryException(String.valueOf(e), true, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryException("answered HTTP " + status + bodyOf(response), retryable);
    }

    /** Receivers explain refusals in the body (Slack: "invalid_payload", "no_service"); keep the start of it. */
    private static String bodyOf(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > MAX_BODY_SHOWN ? body.substring(0, MAX_BODY_SHOWN) + "…" : body);
    }
}
