package com.budgetsync.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/** Where Temporal is. {@code TEMPORAL_ADDRESS} overrides the address; dev and sync-file start an embedded one without it. */
public class TemporalSettings {
    public static final String DEFAULT_ADDRESS = "127.0.0.1:7233";

    @JsonProperty
    private String address;

    @NotBlank
    @JsonProperty
    private String namespace = "default";

    /** The address in force: the config file's, else {@code TEMPORAL_ADDRESS}, else 127.0.0.1:7233. */
    public String address() {
        if (address != null && !address.isBlank()) {
            return address;
        }
        String env = System.getenv("TEMPORAL_ADDRESS");
        return env == null || env.isBlank() ? DEFAULT_ADDRESS : env;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** True when the user pointed us at a Temporal of their own. */
    @JsonIgnore
    public boolean isExternal() {
        String env = System.getenv("TEMPORAL_ADDRESS");
        return (address != null && !address.isBlank()) || (env != null && !env.isBlank());
    }

    public String namespace() {
        return namespace;
    }
}
