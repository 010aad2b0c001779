--liquibase formatted sql

--changeset budget-sync:007-review-questions
-- The decisions a needs_review run leaves to a person (field, question, ranked candidate columns), shown by the
-- history detail so the console can ask them.
ALTER TABLE sync_history ADD COLUMN review_questions jsonb;
--rollback ALTER TABLE sync_history DROP COLUMN review_questions;
