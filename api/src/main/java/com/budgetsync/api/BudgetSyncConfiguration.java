package com.budgetsync.api;

import com.budgetsync.crypto.SecretCipher;
import com.budgetsync.crypto.SourceSecrets;
import com.budgetsync.db.DatabaseUrl;
import com.budgetsync.settings.WorkerSettings;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * {@code config.yml}, its {@code ${VAR:-default}} filled from the environment ({@code ConfigurationLoader}); commands
 * given no file read the copy bundled in the jar.
 */
public class BudgetSyncConfiguration extends Configuration {
    /** The seed's form postgresql://user:pass@host:5432/db or a jdbc: URL (DATABASE_URL); default: local. */
    @JsonProperty
    private String databaseUrl;

    @Valid
    @NotNull
    private DataSourceFactory database = withPlaceholderUrl(new DataSourceFactory());

    @Valid
    @NotNull
    @JsonProperty
    private TemporalSettings temporal = new TemporalSettings();

    @Valid
    @NotNull
    @JsonProperty
    private WorkerConfig worker = new WorkerConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    private OutboundConfig outbound = new OutboundConfig();

    @Valid
    @NotNull
    @JsonProperty
    private NotificationsConfig notifications = new NotificationsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private ConsoleConfig console = new ConsoleConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AwsConfig aws = new AwsConfig();

    @Valid
    @JsonProperty
    private HostedSftpConfig sftp = new HostedSftpConfig();

    @Valid
    @NotNull
    @JsonProperty
    private PreviewConfig previews = new PreviewConfig();

    /** BUDGET_SYNC_ENCRYPTION_KEY: 32 bytes in base64 that encrypt source secrets. */
    @JsonProperty
    private String encryptionKey;

    /** BUDGET_SYNC_OLD_ENCRYPTION_KEY: the key being replaced, read only by {@code rotate-encryption-key}. */
    @JsonProperty
    private String oldEncryptionKey;

    /**
     * Where a development encryption key is kept when {@code encryptionKey} is not set; default
     * ~/.budget-sync/encryption.key. API and workers must use the same key.
     */
    @JsonProperty
    private String encryptionKeyFile;

    public BudgetSyncConfiguration() {
        // Errors are answered as {"error", "details"} by our own mappers, never as Dropwizard's default shapes.
        ((DefaultServerFactory) getServerFactory()).setRegisterDefaultExceptionMappers(false);
    }

    /** Pool settings ({@code database:}); the address always comes from {@link #databaseUrl()}. */
    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = withPlaceholderUrl(database);
    }

    // Only to satisfy the factory's validation before getDataSourceFactory() sets the real address.
    private static DataSourceFactory withPlaceholderUrl(DataSourceFactory factory) {
        if (factory.getUrl() == null || factory.getUrl().isBlank()) {
            factory.setUrl(DatabaseUrl.parse(DatabaseUrl.DEFAULT).jdbcUrl());
        }
        return factory;
    }

    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(databaseUrl == null || databaseUrl.isBlank() ? DatabaseUrl.DEFAULT : databaseUrl);
    }

    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    /** The pool settings of {@code database:} with the address taken from {@link #databaseUrl()}. */
    @JsonIgnore
    public DataSourceFactory getDataSourceFactory() {
        DatabaseUrl url = databaseUrl();
        database.setDriverClass("org.postgresql.Driver");
        database.setUrl(url.jdbcUrl());
        if (url.user() != null) {
            database.setUser(url.user());
        }
        if (url.password() != null) {
            database.setPassword(url.password());
        }
        return database;
    }

    /** The secrets of source configs: encrypted with {@code encryptionKey}, else the development key file. */
    public SourceSecrets sourceSecrets() {
        return new SourceSecrets(SecretCipher.fromKeyOrKeyFile(encryptionKey, encryptionKeyFile == null
                || encryptionKeyFile.isBlank() ? SecretCipher.defaultKeyFile() : Path.of(encryptionKeyFile)));
    }

    public boolean hasEncryptionKey() {
        return encryptionKey != null && !encryptionKey.isBlank();
    }

    /** The key {@code rotate-encryption-key} re-encrypts from, or null. */
    public String oldEncryptionKey() {
        return oldEncryptionKey == null || oldEncryptionKey.isBlank() ? null : oldEncryptionKey;
    }

    public void setEncryptionKeyFile(String encryptionKeyFile) {
        this.encryptionKeyFile = encryptionKeyFile;
    }

    public TemporalSettings getTemporal() {
        return temporal;
    }

    public WorkerConfig getWorker() {
        return worker;
    }

    /** The in-process or standalone worker's settings, notifications included. */
    public WorkerSettings workerSettings() {
        return worker.settings(notifications.settings(), aws.settings());
    }

    public HostedSftpConfig getSftp() {
        return sftp;
    }

    public AwsConfig getAws() {
        return aws;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public OutboundConfig getOutbound() {
        return outbound;
    }

    public PreviewConfig getPreviews() {
        return previews;
    }

    public ConsoleConfig getConsole() {
        return console;
    }
}
