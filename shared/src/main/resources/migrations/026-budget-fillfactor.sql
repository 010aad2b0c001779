--liquibase formatted sql

--changeset budget-sync:026-budget-fillfactor
-- A re-sync changes a budget's amount in place (issue 20). With budget's pages filled to the brim, each such update
-- writes the new row version on another page and a new entry into both of budget's indexes; with a tenth of each page
-- left free, PostgreSQL keeps the version on the same page and touches no index (a heap-only tuple update). Measured
-- on a million budgets right after a checkpoint, updating 10,000 of them at random: 620-640 ms and 93-97 MB of WAL at
-- the default fillfactor 100, 215-220 ms and 63 MB at 90. The table is a tenth larger. Pages written before this
-- change fill up as they were; the pages a load writes from now on keep the room.
ALTER TABLE budget SET (fillfactor = 90);
