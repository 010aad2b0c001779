package com.budgetsync.worker.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 that records every POST and answers with the status it is told to. Told a signing
 * secret, it checks {@code X-BudgetSync-Signature} as docs/notifications.md's Java snippet does, written here
 * independently of the signing code, and answers 401 to a POST whose signature is missing, wrong or over five
 * minutes old, as a receiver following the docs would.
 *
 * <p>A JUnit extension: {@code @RegisterExtension static final WebhookReceiver receiver = new WebhookReceiver();}
 * serves a whole class, an instance field one test; either way it stops when its scope ends.
 */
public final class WebhookReceiver implements BeforeAllCallback, BeforeEachCallback {
    public record Request(String path, String contentType, String signature, String body, boolean verified) {
    }

    private static final long TOLERANCE_SECONDS = 300;

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String secret;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String signature = exchange.getRequestHeaders().getFirst("X-BudgetSync-Signature");
            String required = secret;
            boolean verified = required != null && verify(required, signature, body);
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), signature, body, verified));
            int answered = required != null && !verified ? 401 : status;
            byte[] answer = (answered == 200 ? "ok" : answered == 401 ? "bad signature" : "receiver down")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answered, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** A URL on this receiver, e.g. {@code url("/hooks/abc")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int status) {
        this.status = status;
    }

    /** From now on, POSTs not signed with {@code secret} are refused with 401. */
    public void requireSignature(String secret) {
        this.secret = secret;
    }

    public List<Request> requests() {
        return requests;
    }

    /** The check a receiver makes: t=<unix>,v1=<hex HMAC-SHA256 over "t.body">, t within five minutes of now. */
    static boolean verify(String secret, String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("\\d{1,12}")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > TOLERANCE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body)
                    .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stopWhenScopeEnds(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stopWhenScopeEnds(context);
    }

    /** The first scope that sees this receiver owns it: the class for a static field, the test for an instance one. */
    private void stopWhenScopeEnds(ExtensionContext context) {
        // Store.get looks in the enclosing scopes too, so a class-wide receiver is not stopped after its first test.
        context.getStore(ExtensionContext.Namespace.create(WebhookReceiver.class))
                .getOrComputeIfAbsent(this, r -> (ExtensionContext.Store.CloseableResource) () -> server.stop(0));
    }
}
