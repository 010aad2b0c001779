package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code sftp:} the SFTP server budget-sync hosts for customers who have none (the {@code sftp-server} command):
 * where customers connect (SFTP_HOST, SFTP_PORT, printed in their onboarding instructions), where the server listens,
 * the folder holding one sub-folder per customer, and where workers reach it (SFTP_POLL_HOST, default SFTP_HOST).
 */
public class HostedSftpConfig {
    @JsonProperty
    private String host;

    @JsonProperty
    private int port = 2222;

    @JsonProperty
    private String bindHost = "0.0.0.0";

    @JsonProperty
    private String root = "/var/lib/budget-sync/sftp";

    @JsonProperty
    private String pollHost;

    /** Where customers connect; null while hosted SFTP is not set up. */
    public String host() {
        return host == null || host.isBlank() ? null : host.trim();
    }

    public int port() {
        return port;
    }

    public String bindHost() {
        return bindHost;
    }

    public String root() {
        return root;
    }

    /** Where workers reach the server: inside docker compose the service name, elsewhere the public host. */
    public String pollHost() {
        return pollHost == null || pollHost.isBlank() ? host() : pollHost.trim();
    }

    public void setHost(String host) {
        this.host = host;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public void setBindHost(String bindHost) {
        this.bindHost = bindHost;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public void setPollHost(String pollHost) {
        this.pollHost = pollHost;
    }
}
