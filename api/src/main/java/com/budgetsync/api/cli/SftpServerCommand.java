package com.budgetsync.api.cli;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.budgetsync.api.HostedSftpConfig;
import com.budgetsync.api.sftp.HostedSftpServer;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code sftp-server [config.yml]}: the SFTP server budget-sync hosts for customers (sftp: in config.yml; SFTP_PORT,
 * SFTP_BIND_HOST, SFTP_ROOT), until the process is stopped. Accounts come from the database, managed through the API;
 * run {@code db migrate} first. Several may run against one root and database (a shared volume).
 */
public class SftpServerCommand extends ConfiguredCommand<BudgetSyncConfiguration> {
    public SftpServerCommand() {
        super("sftp-server", "Runs the hosted SFTP server customers drop their budget files on");
    }

    @Override
    protected void run(Bootstrap<BudgetSyncConfiguration> bootstrap, Namespace namespace,
                       BudgetSyncConfiguration configuration) throws Exception {
        HostedSftpConfig sftp = configuration.getSftp();
        ManagedDataSource dataSource = configuration.getDataSourceFactory().build(new MetricRegistry(), "sftp-server");
        CountDownLatch stopped = new CountDownLatch(1);
        try (HostedSftpServer server = new HostedSftpServer(sftp.bindHost(), sftp.port(), Path.of(sftp.root()),
                Jdbi.create(dataSource), configuration.sourceSecrets())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sftp-server-stop"));
            System.out.println("hosted SFTP on " + sftp.bindHost() + ":" + server.port() + ", customer folders in "
                    + sftp.root());
            stopped.await();
        } finally {
            dataSource.stop();
        }
    }
}
