package com.budgetsync.api.runtime;

import com.budgetsync.api.BudgetSyncConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;
import java.io.IOException;
import org.apache.commons.text.StringSubstitutor;

/**
 * The one place the environment is read: {@code config.yml}'s {@code ${VAR:-default}} through Dropwizard's
 * substitutor. A command given no file ({@code dev}, {@code sync-file}, {@code bench}, {@code worker}) reads the same
 * {@code config.yml}, bundled in the jar, the same way; nothing else calls {@code System.getenv}.
 */
public final class ConfigurationLoader extends DefaultConfigurationFactoryFactory<BudgetSyncConfiguration> {
    /** api/config.yml, copied into the jar by the build. */
    public static final String BUNDLED_CONFIG = "com/budgetsync/api/config.yml";

    private final StringSubstitutor variables;

    public ConfigurationLoader(StringSubstitutor variables) {
        this.variables = variables;
    }

    /** Unset variables take the file's default (non-strict), as {@code ${SMTP_HOST:-}} expects. */
    public static StringSubstitutor environment() {
        return new EnvironmentVariableSubstitutor(false);
    }

    /** Config files read through {@code files}, with the variables substituted. */
    public ConfigurationSourceProvider substituting(ConfigurationSourceProvider files) {
        return new SubstitutingSourceProvider(files, variables);
    }

    @Override
    public ConfigurationFactory<BudgetSyncConfiguration> create(Class<BudgetSyncConfiguration> klass,
            Validator validator, ObjectMapper objectMapper, String propertyPrefix) {
        ConfigurationSourceProvider bundled = substituting(new ResourceConfigurationSourceProvider());
        return new YamlConfigurationFactory<>(klass, validator, configureObjectMapper(objectMapper.copy()),
                propertyPrefix) {
            @Override
            public BudgetSyncConfiguration build() throws IOException, ConfigurationException {
                return build(bundled, BUNDLED_CONFIG);
            }
        };
    }
}
