--liquibase formatted sql

--changeset budget-sync:012-webhook-secret
-- The key webhooks are signed with (HMAC-SHA256), one per config, AES-GCM encrypted ("enc:v1:...") like source
-- secrets. NULL for configs saved before signing existed: they get one on their next save or rotation.
ALTER TABLE budget_data_source_config ADD COLUMN webhook_secret text;

--changeset budget-sync:012-audit-secret-rotation
-- Rotating the webhook secret is a change of the config the audit trail records (without the secret).
ALTER TABLE config_audit DROP CONSTRAINT config_audit_action_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_action_check
    CHECK (action IN ('create', 'update', 'delete', 'rotate-webhook-secret'));
