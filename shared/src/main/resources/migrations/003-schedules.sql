--liquibase formatted sql

--changeset budget-sync:003-one-running-run-per-config
-- The lock that keeps two runs of one config from importing at once, whichever API or worker process starts them:
-- a run holds its config's slot while its history row says 'running'. Rows left running by an older build are
-- closed first so the index can be built.
UPDATE sync_history s SET status = 'failed', end_time = now(),
       message = 'closed by migration 003: another run of this config was recorded as running at the same time'
 WHERE status = 'running'
   AND EXISTS (SELECT 1 FROM sync_history o
                WHERE o.config_id = s.config_id AND o.status = 'running' AND o.id > s.id);
CREATE UNIQUE INDEX sync_history_one_running_per_config ON sync_history (config_id) WHERE status = 'running';
