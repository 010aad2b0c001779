package com.budgetsync.api.views;

import java.util.List;

/**
 * Body of POST /api/customers/{id}/sftp-account: how the customer logs in (a generated password, public keys, or
 * both; a password when neither is said) and how often its hosted drop is polled.
 *
 * @param password      true: generate a password, shown once in the answer
 * @param publicKeys    OpenSSH public key lines (the contents of id_ed25519.pub and the like)
 * @param frequency     the created config's schedule (default hourly)
 * @param timezone      its time zone (default UTC)
 * @param settleSeconds how long a dropped file must stay unchanged before it is taken (default 60)
 */
public record SftpAccountRequest(Boolean password, List<String> publicKeys, String frequency, String timezone,
                                 Integer settleSeconds) {
    public boolean wantsPassword() {
        return password != null ? password : publicKeys == null || publicKeys.isEmpty();
    }

    public List<String> keys() {
        return publicKeys == null ? List.of() : publicKeys;
    }
}
