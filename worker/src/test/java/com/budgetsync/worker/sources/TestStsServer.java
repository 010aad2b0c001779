package com.budgetsync.worker.sources;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * STS's AssumeRole on 127.0.0.1: a real HTTP server answering the Query API's documented XML, so the SDK's own STS
 * client, request signing and credentials provider run as against AWS. S3Proxy has no STS and AWS's cannot be reached
 * here; this checks budget-sync's wiring (which role, external id and base credentials are sent; that the answer's
 * temporary credentials sign the S3 requests), not AWS's policy evaluation.
 */
final class TestStsServer implements AutoCloseable {
    /** One AssumeRole call: its form parameters and the Authorization header that signed it. */
    record Call(Map<String, String> form, String authorization) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean deny;

    /** Answers every AssumeRole with these temporary credentials, valid for an hour. */
    TestStsServer(String accessKeyId, String secretAccessKey, String sessionToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            calls.add(new Call(form, exchange.getRequestHeaders().getFirst("Authorization")));
            int status = deny ? 403 : 200;
            byte[] body = (deny ? denied() : granted(form, accessKeyId, secretAccessKey, sessionToken))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, AssumeRole is refused as AWS refuses a trust policy that does not match. */
    void deny() {
        deny = true;
    }

    List<Call> calls() {
        return calls;
    }

    private static String granted(Map<String, String> form, String key, String secret, String token) {
        String expiration = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>%s/%s</Arn>
                      <AssumedRoleId>AROATESTROLE0000000001:%s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>%s</SecretAccessKey>
                      <SessionToken>%s</SessionToken>
                      <Expiration>%s</Expiration>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(String.valueOf(form.get("RoleArn")).replace(":iam::", ":sts::")
                        .replace(":role/", ":assumed-role/"), form.get("RoleSessionName"),
                form.get("RoleSessionName"), key, secret, token, expiration);
    }

    private static String denied() {
        return """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>AccessDenied</Code>
                    <Message>User is not authorized to perform: sts:AssumeRole on resource</Message>
                  </Error>
                  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c8</RequestId>
                </ErrorResponse>
                """;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1],
                        StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
