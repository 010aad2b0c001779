--liquibase formatted sql

--changeset budget-sync:019-retention-settings
-- Per customer: how many days a stored file's contents are kept (NULL: the installation's default, retention.fileDays).
ALTER TABLE customer ADD COLUMN file_retention_days int CHECK (file_retention_days BETWEEN 1 AND 3650);

--changeset budget-sync:019-purged-files
-- Retention deletes a file's contents (the chunks, where the space is) but keeps its row: name, size, sha256 and
-- where it came from. The poll still knows what it imported (so an old file is never taken again) and the history
-- still names the file. The row goes when no history row refers to it any more. The indexes serve retention's
-- look-ups: the runs of a file, and the runs older than the history period.
ALTER TABLE stored_file ADD COLUMN purged_at timestamptz;
CREATE INDEX sync_history_file ON sync_history (file_id) WHERE file_id IS NOT NULL;
CREATE INDEX sync_history_start_time ON sync_history (start_time);

--changeset budget-sync:019-retention-pass
-- One row per retention pass (the daily workflow's run, keyed by its scheduled time so a retried activity adds to
-- the same row): what it deleted, for the metrics and for an operator asking where the space went.
CREATE TABLE retention_pass (
    id                bigserial PRIMARY KEY,
    pass_time         timestamptz NOT NULL UNIQUE,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    files_purged      bigint      NOT NULL DEFAULT 0,
    bytes_purged      bigint      NOT NULL DEFAULT 0,
    history_deleted   bigint      NOT NULL DEFAULT 0,
    file_rows_deleted bigint      NOT NULL DEFAULT 0,
    -- pg_total_relation_size of the chunk table (its TOAST included) before and after the pass's VACUUM
    chunk_bytes_before bigint,
    chunk_bytes_after  bigint
);

--changeset budget-sync:019-customer-erasure
-- What is left of an erased customer: who erased it, when, and how many rows of each kind went. No customer data:
-- the id is kept only as its SHA-256, so an operator can answer "was customer X erased?" by hashing X.
CREATE TABLE customer_erasure (
    id              bigserial PRIMARY KEY,
    subject_sha256  text        NOT NULL,
    erased_by       text        NOT NULL,
    erased_at       timestamptz NOT NULL DEFAULT now(),
    counts          jsonb       NOT NULL
);
