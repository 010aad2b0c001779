--liquibase formatted sql

--changeset budget-sync:023-import-digest-changes
-- A re-sync that changed 1% of a million budgets rewrote the whole 16 MB digest (0.4-0.65 s, PostgreSQL alone
-- 0.15-0.39 s replacing the toasted value). Now the digest is its base (import_digest) plus the entries changed since
-- (docs/architecture.md, "The import digest"): such a re-sync upserts ten thousand rows here (about 0.05 s) and leaves
-- the base alone, until the changes pass 5% of the base and the next import rewrites it and deletes them. A null
-- row_hash: the key is gone. The base's created_at still dates the digest, so changes never extend its life.
-- Deleting the base (forgotten, or its config deleted) deletes its changes. UNLOGGED for the same reason as the base:
-- after a crash both are empty.
CREATE UNLOGGED TABLE import_digest_change (
    config_id bigint NOT NULL REFERENCES import_digest (config_id) ON DELETE CASCADE,
    key_hash bigint NOT NULL,
    row_hash bigint,
    PRIMARY KEY (config_id, key_hash)
);
