--liquibase formatted sql

--changeset budget-sync:006-budget-config-without-foreign-key
-- A foreign key from budget to its config costs a lookup per inserted row: 2.6 s of a million-row import (measured,
-- README "Performance"). Budgets only ever get the config id of the import that writes them, and ConfigDao.delete
-- unlinks a deleted config's budgets itself, as ON DELETE SET NULL did.
ALTER TABLE budget DROP CONSTRAINT budget_source_config_id_fkey;
