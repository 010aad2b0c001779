--liquibase formatted sql

--changeset budget-sync:013-run-recovery
-- The run a recovered run replaces: set on a run started automatically because the process running the first one
-- stopped before it finished (its workflow gone). A run that is itself a recovery is not recovered again.
ALTER TABLE sync_history ADD COLUMN recovered_from text;
