package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code auth:} the admin token, which reaches every customer. Without one (BUDGET_SYNC_ADMIN_TOKEN unset), the API
 * runs with admin access off: customer API keys, created with the {@code api-key} command, still work.
 */
public class AuthConfig {
    public static final String ADMIN_TOKEN_ENV = "BUDGET_SYNC_ADMIN_TOKEN";
    public static final String DEV_ADMIN_TOKEN = "dev-admin-token";

    @JsonProperty
    private String adminToken;

    public String adminToken() {
        return adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken;
    }
}
