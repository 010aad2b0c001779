--liquibase formatted sql

--changeset budget-sync:016-applied-schedule
-- The Temporal cron text the reconciler last applied for the config ('' = no schedule; NULL = never applied). The
-- periodic reconcile compares each config's wanted schedule with it and with the list of open workflows, and only
-- touches Temporal for configs that differ, instead of describing ten thousand workflows every five minutes.
ALTER TABLE budget_data_source_config ADD COLUMN applied_schedule text;
