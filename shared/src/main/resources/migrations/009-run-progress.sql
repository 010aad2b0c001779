--liquibase formatted sql

--changeset budget-sync:009-run-progress
-- How far a running import has got: written by the worker every fraction of a second from a connection of its own
-- (the import's transaction shows nothing until it commits), read by the run page's progress bar. bytes_* only for
-- CSV, where the bytes read say how much of the file is behind (a workbook is unpacked before its rows are read).
CREATE TABLE sync_progress (
    sync_id     text        PRIMARY KEY REFERENCES sync_history (sync_id) ON DELETE CASCADE,
    step        text        NOT NULL,
    rows_read   bigint      NOT NULL,
    bytes_read  bigint,
    bytes_total bigint,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE sync_progress;
