package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SecretRotation;
import com.budgetsync.crypto.SourceSecrets;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code rotate-encryption-key [config.yml]}: with the API and workers stopped, re-encrypts every stored source
 * secret from {@value #OLD_KEY_ENV} to the current BUDGET_SYNC_ENCRYPTION_KEY (docs/security.md).
 */
public class RotateEncryptionKeyCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    static final String OLD_KEY_ENV = "BUDGET_SYNC_OLD_ENCRYPTION_KEY";

    public RotateEncryptionKeyCommand() {
        super("rotate-encryption-key", "Re-encrypts stored source secrets from " + OLD_KEY_ENV + " to "
                + SecretCipher.ENV_KEY);
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        String oldKey = configuration.oldEncryptionKey();
        if (oldKey == null || !configuration.hasEncryptionKey()) {
            throw new IllegalArgumentException("set " + OLD_KEY_ENV + " to the old key and " + SecretCipher.ENV_KEY
                    + " to the new one");
        }
        ManagedDataSource dataSource = configuration.getDataSourceFactory().build(new MetricRegistry(), "rotate-key");
        try {
            int rotated = SecretRotation.rotate(Jdbi.create(dataSource),
                    new SourceSecrets(SecretCipher.fromBase64(oldKey)), configuration.sourceSecrets());
            System.out.println(rotated + " config(s) re-encrypted with the new " + SecretCipher.ENV_KEY);
        } finally {
            dataSource.stop();
        }
    }
}
