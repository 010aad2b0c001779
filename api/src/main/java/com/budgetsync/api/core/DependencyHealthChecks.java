package com.budgetsync.api.core;

import com.codahale.metrics.health.HealthCheck;

/** Dropwizard health checks on the admin port (/healthcheck) for PostgreSQL and Temporal. */
public final class DependencyHealthChecks {
    private DependencyHealthChecks() {
    }

    public static HealthCheck database(SystemStatus status) {
        return of(() -> status.database());
    }

    public static HealthCheck temporal(SystemStatus status) {
        return of(() -> status.temporal());
    }

    private static HealthCheck of(java.util.function.Supplier<SystemStatus.Dependency> probe) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                SystemStatus.Dependency d = probe.get();
                return d.reachable() ? Result.healthy(d.detail()) : Result.unhealthy(d.detail());
            }
        };
    }
}
