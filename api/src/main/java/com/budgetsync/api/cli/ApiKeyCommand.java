package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.auth.ApiKeyStore;
import com.budgetsync.api.views.Ids;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code api-key create --customer acme [config.yml]}, {@code api-key list [--customer acme]},
 * {@code api-key revoke --id 7}: customer keys without the admin token, e.g. the very first key of a deployment
 * that runs with admin access off. A created key is printed once and cannot be shown again.
 */
public class ApiKeyCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    public ApiKeyCommand() {
        super("api-key", "Creates, lists or revokes customer API keys");
    }

    @Override
    public void configure(Subparser subparser) {
        // the action first, so that `api-key create --customer acme config.yml` reads as it is written
        subparser.addArgument("action").choices("create", "list", "revoke");
        super.configure(subparser);
        subparser.addArgument("--customer").help("customer id (create: required; list: optional filter)");
        subparser.addArgument("--id").type(Long.class).help("key id to revoke");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        ManagedDataSource dataSource = configuration.getDataSourceFactory().build(new MetricRegistry(), "api-key");
        try {
            ApiKeyStore keys = new ApiKeyStore(Jdbi.create(dataSource));
            String customer = namespace.getString("customer");
            switch (namespace.getString("action")) {
                case "create" -> {
                    if (customer == null || !customer.matches(Ids.CUSTOMER_PATTERN)) {
                        throw new IllegalArgumentException("api-key create needs --customer <id>; the id "
                                + Ids.CUSTOMER_MESSAGE);
                    }
                    ApiKeyStore.CreatedKey key = keys.create(customer, "cli");
                    System.out.println("API key " + key.id() + " for customer " + customer
                            + " (shown once; only its hash is stored):");
                    System.out.println(key.key());
                }
                case "list" -> keys.list(customer).forEach(k -> System.out.printf("%d  %s  %s…  created %s by %s%s%n",
                        k.id(), k.customerId(), k.keyPrefix(), k.createdAt(), k.createdBy(),
                        k.revokedAt() == null ? "" : "  REVOKED " + k.revokedAt()));
                default -> {
                    Long id = namespace.get("id");
                    if (id == null || !keys.revoke(id)) {
                        throw new IllegalArgumentException("api-key revoke needs the --id of an existing key");
                    }
                    System.out.println("API key " + id + " revoked");
                }
            }
        } finally {
            dataSource.stop();
        }
    }
}
