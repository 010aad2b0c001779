--liquibase formatted sql

--changeset budget-sync:020-sftp-account
-- Hosted SFTP drop points: one account per customer on the SFTP server budget-sync runs (`sftp-server`), its login
-- name the customer id, confined to <root>/<customerId>. The password is kept only as a salted PBKDF2 hash; public
-- keys are the customer's authorized_keys lines. poller_key is the public half of the key the customer's `sftp`
-- config logs in with (its private half is in that config's sourceConfig, encrypted like every source secret).
CREATE TABLE sftp_account (
    customer_id   text        PRIMARY KEY,
    password_hash text,
    public_keys   text        NOT NULL DEFAULT '',
    poller_key    text        NOT NULL,
    config_id     bigint      REFERENCES budget_data_source_config (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

--changeset budget-sync:020-sftp-host-key
-- The hosted server's host key, made by whichever process needs it first (the server, or the API printing its
-- fingerprint in the onboarding instructions), so every replica and restart presents the same one. The private key
-- is encrypted with the source-secret key.
CREATE TABLE sftp_host_key (
    id          int         PRIMARY KEY CHECK (id = 1),
    private_key text        NOT NULL,
    public_key  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
