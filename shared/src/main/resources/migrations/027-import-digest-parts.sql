--liquibase formatted sql

--changeset budget-sync:027-import-digest-parts
-- A digest's base was one bytea of 16 MB for a million budgets. PostgreSQL stores such a value out of line in 2 KB
-- chunks, and writing one that large cost 0.28 s in the server alone (a first load's digest write 0.36 s in all); the
-- same bytes as 256 values of 64 KB were written in a fifth of that. So the base's entries are kept in parts
-- (import_digest_part, in file order), import_digest keeps what the digest is (sync, entries, age). Digests are a
-- cache: those written before are dropped, and each config's next re-sync compares in full and writes one in parts.
CREATE UNLOGGED TABLE import_digest_part (
    config_id bigint NOT NULL REFERENCES import_digest (config_id) ON DELETE CASCADE,
    part integer NOT NULL,
    entries bytea NOT NULL,
    PRIMARY KEY (config_id, part)
);
-- hashes do not compress: no attempt at it
ALTER TABLE import_digest_part ALTER COLUMN entries SET STORAGE EXTERNAL;
DELETE FROM import_digest;
ALTER TABLE import_digest DROP COLUMN digest;
