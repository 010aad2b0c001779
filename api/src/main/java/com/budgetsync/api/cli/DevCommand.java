package com.budgetsync.api.cli;

import com.budgetsync.api.AuthConfig;
import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.temporal.EmbeddedTemporal;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jetty.HttpConnectorFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code dev}: everything in one JVM on a developer's machine: the database created and migrated, an embedded Temporal
 * server on a real gRPC port (unless TEMPORAL_ADDRESS points at one), the worker, and the API. The admin token is
 * BUDGET_SYNC_ADMIN_TOKEN or else {@value AuthConfig#DEV_ADMIN_TOKEN}, printed; hosts on this machine (loopback) are
 * allowed as sources and webhooks.
 */
public class DevCommand extends ServerCommand<BudgetSyncConfiguration> {
    public DevCommand(Application<BudgetSyncConfiguration> application) {
        super(application, "dev", "Runs the embedded Temporal server, the worker and the API in one process");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--temporal-port").type(Integer.class).setDefault(7233)
                .help("port of the embedded Temporal server");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        DatabaseSetup.prepare(configuration.databaseUrl(), System.out);
        if (configuration.getTemporal().isExternal()) {
            System.out.println("Temporal     " + configuration.getTemporal().address() + " (TEMPORAL_ADDRESS)");
        } else {
            EmbeddedTemporal temporal = EmbeddedTemporal.start(namespace.getInt("temporal_port"));
            Runtime.getRuntime().addShutdownHook(new Thread(temporal::close, "embedded-temporal-stop"));
            configuration.getTemporal().setAddress(temporal.address());
            configuration.getTemporal().setCronTimeZones(false);
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
        System.out.println("Worker       task queue budget-sync, in this process");
        System.out.println("API          http://localhost:" + port(server, true) + "/api");
        System.out.println("Admin        http://localhost:" + port(server, false) + "/healthcheck");
        System.out.println("Admin token  " + (defaultToken ? "Authorization: Bearer " + AuthConfig.DEV_ADMIN_TOKEN
                : "from " + AuthConfig.ADMIN_TOKEN_ENV));
        super.run(bootstrap, namespace, configuration);
    }

    private static int port(DefaultServerFactory server, boolean application) {
        var connectors = application ? server.getApplicationConnectors() : server.getAdminConnectors();
        return ((HttpConnectorFactory) connectors.get(0)).getPort();
    }
}
