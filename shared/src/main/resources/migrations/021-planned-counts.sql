--liquibase formatted sql

--changeset budget-sync:021-planned-counts
-- A run held by the deletion guard changed nothing: its counts said what it would have done (created 4 beside
-- "nothing was changed"). Those now live in `planned`; the count columns say what a run applied. Held runs recorded
-- before are moved the same way (a needs_review run applies nothing, so any change count it has is a plan).
ALTER TABLE sync_history ADD COLUMN planned jsonb;
UPDATE sync_history
   SET planned = jsonb_build_object('totalRows', total_rows, 'created', created_count, 'updated', updated_count,
                                    'unchanged', unchanged_count, 'softDeleted', soft_deleted_count,
                                    'restored', restored_count, 'errors', error_count, 'skipped', skipped_count),
       created_count = 0, updated_count = 0, unchanged_count = 0, soft_deleted_count = 0, restored_count = 0
 WHERE status = 'needs_review'
   AND created_count + updated_count + unchanged_count + soft_deleted_count + restored_count > 0;
