package com.budgetsync.api.budget;

import com.budgetsync.api.BudgetSyncApplication;
import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.testing.TestDatabase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The real application on a free port against a test database (worker off; Temporal is never reached). */
final class ApiClient implements AutoCloseable {
    /** Responses are read as a client that cares about money would: decimals stay exact. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Reply(int status, JsonNode body) {
    }

    private final DropwizardTestSupport<BudgetSyncConfiguration> app;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(TestDatabase db) throws Exception {
        BudgetSyncConfiguration config = new BudgetSyncConfiguration();
        config.setDatabaseUrl(db.seedUrl());
        config.getWorker().setEnabled(false);
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(0);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(0);
        app = new DropwizardTestSupport<>(BudgetSyncApplication.class, config);
        app.before();
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    private Reply send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    @Override
    public void close() {
        app.after();
    }
}
