package com.budgetsync.worker.testing;

import com.budgetsync.net.OutboundGuard;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test SFTP, HTTPS, S3 and webhook servers listen on 127.0.0.1, as in dev: every worker test starts with the guard
 * allowing loopback (registered for all of them through junit-platform.properties' autodetection).
 */
public final class LoopbackTestServers implements BeforeAllCallback, BeforeEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        allowLoopback();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        allowLoopback();
    }

    private static void allowLoopback() {
        OutboundGuard.install(new OutboundGuard(true, false));
    }
}
