--liquibase formatted sql

--changeset budget-sync:022-import-digest
-- What a config's active budgets held after its last successful import, so that a re-sync stages only the rows that
-- differ (issue 20): per budget a 64-bit hash of its business key and one of what the file sets on it, 16 bytes each
-- (docs/architecture.md, "The import digest"). Hashes do not compress: EXTERNAL stores them out of line as they are.
-- Any writer that changes a config's budgets other than its own import deletes the row in the same transaction.
-- UNLOGGED: the digest is a cache, so it skips the WAL (its 16 MB per million budgets wrote in 0.10-0.13 s instead of
-- 0.16-0.42 s); after a crash, or on a promoted replica, the table is empty and the next re-sync compares in full.
CREATE UNLOGGED TABLE import_digest (
    config_id bigint PRIMARY KEY REFERENCES budget_data_source_config (id) ON DELETE CASCADE,
    sync_id text NOT NULL,
    row_count integer NOT NULL,
    digest bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE import_digest ALTER COLUMN digest SET STORAGE EXTERNAL;
