package com.budgetsync.api.views;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of PUT /api/customers/{id}/sftp-account/keys: the public keys that may log in from now on (may be empty). */
public record SftpKeysRequest(@NotNull List<String> publicKeys) {
}
