--liquibase formatted sql

--changeset budget-sync:017-budget-keys
-- One index for uniqueness and the budget check (issue 20): the names' match keys (normalize.MatchKey: case folded,
-- whitespace collapsed, trimmed) are stored as plain columns computed while staging, and the business key is made of
-- them. That replaces the check's index on budget_match_key(…) (a function call per row and per import) and the
-- per-config index no query needed. Two budgets whose names differed only in case or spacing used to be two keys;
-- all but the newest active one get a key no file can produce, so nothing is lost and the next import of their
-- config soft-deletes them like any budget its file no longer has.
ALTER TABLE budget ADD COLUMN department_key text, ADD COLUMN sub_category_key text;
UPDATE budget SET department_key = lower(btrim(regexp_replace(department, '\s+', ' ', 'g'))),
                  sub_category_key = lower(btrim(regexp_replace(sub_category, '\s+', ' ', 'g')));
WITH ranked AS (
    SELECT id, row_number() OVER (PARTITION BY customer_id, department_key, sub_category_key, fiscal_period
                                  ORDER BY deleted_at IS NOT NULL, updated_at DESC, id DESC) AS n
      FROM budget)
UPDATE budget b SET department_key = chr(1) || b.id || chr(1) || b.department_key
  FROM ranked r WHERE r.id = b.id AND r.n > 1;
ALTER TABLE budget ALTER COLUMN department_key SET NOT NULL, ALTER COLUMN sub_category_key SET NOT NULL;
ALTER TABLE budget DROP CONSTRAINT budget_business_key;
ALTER TABLE budget ADD CONSTRAINT budget_business_key
    UNIQUE (customer_id, department_key, sub_category_key, fiscal_period);
DROP INDEX budget_check_lookup;
DROP INDEX budget_config_active;

--changeset budget-sync:017-created-by-sync
-- A created budget records the sync that created it; the audit log keeps changes (update, delete, restore and
-- procurement's actions), not one "created" row per budget of every first import. Budgets created before this keep
-- their "created" audit rows (the audit log is the compliance record) and have no created_sync_id.
ALTER TABLE budget ADD COLUMN created_sync_id text;

--changeset budget-sync:017-drop-match-key-function
-- Nothing calls it since the keys are stored: normalize.MatchKey computes them, in imports and checks alike.
DROP FUNCTION budget_match_key(text);
