package com.budgetsync.api.cli;

import com.budgetsync.api.core.SystemStatus;
import com.budgetsync.db.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /healthcheck} for a {@code worker} process, which has no Dropwizard admin port: whether PostgreSQL and
 * Temporal answer, in the admin port's shape ({@code {"database": {"healthy", "message"}, "temporal": …}}), 200 when
 * both do and 500 otherwise, for docker compose and orchestrators. Nothing else is served.
 */
final class WorkerHealthEndpoint implements AutoCloseable {
    private final HttpServer server;

    private WorkerHealthEndpoint(HttpServer server) {
        this.server = server;
    }

    static WorkerHealthEndpoint start(int port, SystemStatus status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthcheck", exchange -> {
            try (exchange) {
                Map<String, Object> checks = new LinkedHashMap<>();
                SystemStatus.Dependency database = status.database();
                SystemStatus.Dependency temporal = status.temporal();
                checks.put("database", Map.of("healthy", database.reachable(), "message", database.detail()));
                checks.put("temporal", Map.of("healthy", temporal.reachable(), "message", temporal.detail()));
                byte[] body = Json.write(checks).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(database.reachable() && temporal.reachable() ? 200 : 500, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new WorkerHealthEndpoint(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
