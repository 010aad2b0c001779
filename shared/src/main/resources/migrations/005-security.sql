--liquibase formatted sql

--changeset budget-sync:005-api-key
-- Customer API keys. Only the SHA-256 of a key is kept: the key itself is shown once, at creation.
CREATE TABLE api_key (
    id          bigserial PRIMARY KEY,
    customer_id text        NOT NULL,
    key_hash    text        NOT NULL UNIQUE,
    -- the first characters of the key, so a person can tell their keys apart in a listing
    key_prefix  text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE INDEX api_key_customer ON api_key (customer_id);

--changeset budget-sync:005-config-audit
-- Who changed which config when, and what changed; secrets appear only as "changed"/"unchanged".
-- No foreign key: the trail outlives a deleted config.
CREATE TABLE config_audit (
    id          bigserial PRIMARY KEY,
    config_id   bigint      NOT NULL,
    customer_id text        NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changes     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX config_audit_config ON config_audit (config_id, at);
