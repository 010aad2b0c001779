--liquibase formatted sql

--changeset budget-sync:024-stored-file-lz4 splitStatements:false
-- Stored files' chunks compressed with lz4 instead of PostgreSQL's default pglz (issue 20): storing a 40 MB CSV spent
-- about 0.3 s in pglz and 0.06-0.09 s in lz4, and lz4 also decompresses faster when the import reads the file back.
-- Only new chunks use it; older ones stay readable as they are. A server built without lz4 keeps pglz: the files are
-- stored the same, just more slowly.
DO $$
BEGIN
    ALTER TABLE stored_file_chunk ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server: stored files keep pglz compression';
END
$$;
