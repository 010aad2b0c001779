package com.budgetsync.api.budget;

import com.budgetsync.api.testing.RunningApp;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.net.http.HttpRequest;

/**
 * The application as {@link RunningApp} runs it, read as a client that cares about money reads JSON: decimals stay
 * exact. Requests carry the admin token. Registered per test class ({@code @RegisterExtension}), like RunningApp.
 */
final class ApiClient implements BeforeAllCallback, AfterAllCallback {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Reply(int status, JsonNode body) {
    }

    private final RunningApp app = RunningApp.perClass();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        app.afterAll(context);
    }

    TestDatabase db() {
        return app.db;
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    private Reply send(String method, String path, String json) throws IOException, InterruptedException {
        RunningApp.Response response = app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
        return new Reply(response.status(), JSON.readTree(response.body()));
    }
}
