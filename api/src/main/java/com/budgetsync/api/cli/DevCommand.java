package com.budgetsync.api.cli;

import com.budgetsync.api.AuthConfig;
import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * {@code dev}: everything in one JVM on a developer's machine: the database created and migrated, an embedded Temporal
 * server on a real gRPC port (unless TEMPORAL_ADDRESS points at one), the worker, and the API. The admin token is
 * BUDGET_SYNC_ADMIN_TOKEN or else {@value AuthConfig#DEV_ADMIN_TOKEN}, printed; hosts on this machine (loopback) are
 * allowed as sources and webhooks. Ports: {@code --port}/{@code --admin-port}, else PORT/ADMIN_PORT (a config file
 * reads them itself), else 8080/8081; the embedded Temporal takes 7233, or a free port when 7233 is taken, so several
 * instances run side by side.
 */
public class DevCommand extends ServerCommand<BudgetSyncConfiguration> {
    private EmbeddedTemporal embedded;

    public DevCommand(Application<BudgetSyncConfiguration> application) {
        super(application, "dev", "Runs the embedded Temporal server, the worker and the API in one process");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--temporal-port").type(Integer.class)
                .help("port of the embedded Temporal server (default 7233, or a free port when 7233 is taken)");
        subparser.addArgument("--port").type(Integer.class)
                .help("port of the API (default: PORT, else the config file's, else 8080)");
        subparser.addArgument("--admin-port").type(Integer.class)
                .help("port of the admin endpoints /healthcheck and /metrics (default: ADMIN_PORT, else 8081)");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        DatabaseSetup.prepare(configuration.databaseUrl(), System.out);
        if (configuration.getTemporal().isExternal()) {
            System.out.println("Temporal     " + configuration.getTemporal().address() + " (TEMPORAL_ADDRESS)");
        } else {
            Integer temporalPort = namespace.getInt("temporal_port");
            EmbeddedTemporal temporal = temporalPort != null ? EmbeddedTemporal.start(temporalPort)
                    : EmbeddedTemporal.startOnDefaultPortOrFree();
            embedded = temporal;
            configuration.getTemporal().setAddress(temporal.address());
            configuration.getTemporal().setCronTimeZones(false);
            configuration.getTemporal().setCompleteFailedCronRuns(true);
            System.out.println("Temporal     " + temporal.address()
                    + " (embedded test server: in memory, forgets workflows on restart; schedules run in UTC)");
        }
        configuration.getWorker().setEnabled(true);
        configuration.getOutbound().setAllowLoopback(true);
        // A token from the environment is a secret and stays unprinted; only the well-known default is shown.
        boolean defaultToken = configuration.getAuth().adminToken() == null;
        if (defaultToken) {
            configuration.getAuth().setAdminToken(AuthConfig.DEV_ADMIN_TOKEN);
        }
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
        // PORT/ADMIN_PORT arrive through the configuration (config.yml's ${PORT:-8080}, also without a file); flags win
        setPort(server.getApplicationConnectors().get(0), namespace.getInt("port"));
        setPort(server.getAdminConnectors().get(0), namespace.getInt("admin_port"));
        System.out.println("Worker       task queue budget-sync, in this process");
        System.out.println("API          http://localhost:" + port(server, true) + "/api");
        System.out.println("Admin        http://localhost:" + port(server, false) + "/healthcheck");
        System.out.println("Admin token  " + (defaultToken ? "Authorization: Bearer " + AuthConfig.DEV_ADMIN_TOKEN
                : "from " + AuthConfig.ADMIN_TOKEN_ENV));
        super.run(bootstrap, namespace, configuration);
    }

    /**
     * The embedded Temporal stops after the server, whose managed objects include the worker: on SIGTERM the worker
     * drains (its running activities finish and report) while Temporal still answers, instead of waiting out its
     * grace period against a Temporal that is already gone.
     */
    @Override
    protected void run(Environment environment, Namespace namespace, BudgetSyncConfiguration configuration)
            throws Exception {
        if (embedded != null) {
            EmbeddedTemporal temporal = embedded;
            environment.lifecycle().addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle event) {
                    temporal.close();
                }
            });
        }
        super.run(environment, namespace, configuration);
    }

    private static void setPort(Object connector, Integer flag) {
        if (flag != null) {
            ((HttpConnectorFactory) connector).setPort(flag);
        }
    }

    private static int port(DefaultServerFactory server, boolean application) {
        var connectors = application ? server.getApplicationConnectors() : server.getAdminConnectors();
        return ((HttpConnectorFactory) connectors.get(0)).getPort();
    }
}
