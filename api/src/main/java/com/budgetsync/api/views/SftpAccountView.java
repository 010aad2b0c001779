package com.budgetsync.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A hosted SFTP account and how to reach it. {@code password} is present only in the answer that set it (create, or a
 * new password), never again; keys are shown by fingerprint.
 *
 * @param instructions what to tell the customer: host, port, login, folder, the host key to check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SftpAccountView(String customerId, String host, int port, String username, String password,
                              boolean passwordLogin, List<String> publicKeyFingerprints, String hostKeyFingerprint,
                              Long configId, Instant createdAt, String instructions) {
}
