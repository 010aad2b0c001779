package com.budgetsync.api.metrics;

import com.budgetsync.db.ConfigHealthDao;
import com.budgetsync.db.RunFigures;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /metrics/prometheus} on the admin port, beside Dropwizard's {@code /metrics} (JSON): the run figures
 * from PostgreSQL and the Temporal SDK's metrics in Prometheus' text format. A registry of its own, not the client's
 * default one, so two applications in one JVM (tests) never share series.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics/prometheus";

    private PrometheusEndpoint() {
    }

    public static void register(Environment environment, Jdbi jdbi, Clock clock) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new RunCollector(new RunFigures(jdbi), new ConfigHealthDao(jdbi), clock));
        registry.register(new RetentionCollector(jdbi));
        registry.register(new TemporalSdkCollector(environment.metrics()));
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
    }
}
