--liquibase formatted sql

--changeset budget-sync:014-alert
-- What operations were told about a config: stale data, a late file, failure streaks, a pause, a slow run, a high
-- row error rate. dedup_key names the episode (e.g. stale since the last success <sync id>, late on <date>, the run
-- <sync id>): whichever checker inserts it first raises the alert, every other insert of the same key is a no-op, so
-- two checkers or a retried check never raise it twice, and a closed alert is not raised again for the same episode.
CREATE TABLE alert (
    id           bigserial PRIMARY KEY,
    customer_id  text        NOT NULL,
    config_id    bigint      REFERENCES budget_data_source_config (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('stale', 'recovered', 'late_file', 'failing', 'paused',
                                                      'review_streak', 'slow_run', 'error_rate')),
    dedup_key    text        NOT NULL UNIQUE,
    message      text        NOT NULL,
    sync_id      text,
    raised_at    timestamptz NOT NULL DEFAULT now(),
    closed_at    timestamptz,
    closed_by    text
);
CREATE INDEX alert_customer_open ON alert (customer_id, raised_at DESC) WHERE closed_at IS NULL;
CREATE INDEX alert_customer_raised ON alert (customer_id, raised_at DESC);

--changeset budget-sync:014-alert-delivery
-- Alerts go out through the same channels as run notifications, with the same per-recipient records.
ALTER TABLE notification_delivery ALTER COLUMN sync_id DROP NOT NULL;
ALTER TABLE notification_delivery ADD COLUMN alert_id bigint REFERENCES alert (id) ON DELETE CASCADE;
ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_run_or_alert
    CHECK ((sync_id IS NULL) <> (alert_id IS NULL));
CREATE UNIQUE INDEX notification_delivery_alert_target ON notification_delivery (alert_id, channel, target)
    WHERE alert_id IS NOT NULL;

--changeset budget-sync:014-config-pause
-- A config paused by a failure streak: disabled, with the reason. streak_since: failures before it (the time it was
-- enabled again) no longer count, so a resumed config is not paused again for the streak it was paused for.
ALTER TABLE budget_data_source_config ADD COLUMN paused_at timestamptz;
ALTER TABLE budget_data_source_config ADD COLUMN paused_reason text;
ALTER TABLE budget_data_source_config ADD COLUMN streak_since timestamptz;

--changeset budget-sync:014-sync-history-end
-- The alert checks read the runs that ended since their last look (slow runs, error rates) every 5 minutes.
CREATE INDEX sync_history_end_time ON sync_history (end_time);

--changeset budget-sync:014-audit-pause
-- A pause is a change of the config, made by the alert checks: the audit trail says so.
ALTER TABLE config_audit DROP CONSTRAINT config_audit_action_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_action_check
    CHECK (action IN ('create', 'update', 'delete', 'rotate-webhook-secret', 'pause'));
