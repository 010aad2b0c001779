package com.budgetsync.api.sftp;

import com.budgetsync.crypto.SourceSecrets;
import java.security.KeyPair;
import org.jdbi.v3.core.Jdbi;

/**
 * The hosted server's host key, one for every replica and restart: made by the first process that needs it and kept in
 * PostgreSQL, its private half encrypted with the source-secret key. Customers pin its fingerprint once.
 */
public final class HostKeys {
    private HostKeys() {
    }

    public static KeyPair loadOrCreate(Jdbi jdbi, SourceSecrets secrets) {
        return jdbi.withHandle(h -> {
            KeyPair made = SshKeys.generate();
            // two processes starting at once: one insert wins, both read the winner
            h.createUpdate("INSERT INTO sftp_host_key (id, private_key, public_key) VALUES (1, :priv, :pub)"
                            + " ON CONFLICT (id) DO NOTHING")
                    .bind("priv", secrets.encryptValue(SshKeys.pkcs8(made.getPrivate())))
                    .bind("pub", SshKeys.line(made.getPublic())).execute();
            return h.createQuery("SELECT private_key, public_key FROM sftp_host_key WHERE id = 1")
                    .map((rs, ctx) -> SshKeys.fromStored(secrets.decryptValue(rs.getString("private_key")),
                            rs.getString("public_key")))
                    .one();
        });
    }
}
