package com.budgetsync.workflow;

import io.temporal.activity.ActivityInterface;

/**
 * Connects with a config's source and reports what it saw (reachable, authenticated, SFTP host key, matching files,
 * the one a sync would take next). Nothing is downloaded, moved or deleted. Runs on a worker, which holds the
 * network access and the decrypted credentials; the API only asks.
 */
@ActivityInterface
public interface TestConnectionActivity {
    ConnectionReport testConnection(long configId);
}
