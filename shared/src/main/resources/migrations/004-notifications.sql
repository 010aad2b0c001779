--liquibase formatted sql

--changeset budget-sync:004-notification-delivery
-- One row per run and recipient: what the notify activity did, so a retried activity does not send twice and the
-- run's history shows who was told. Webhook targets are kept masked (scheme, host and a hash): their paths are
-- credentials (Slack).
CREATE TABLE notification_delivery (
    id         bigserial PRIMARY KEY,
    sync_id    text        NOT NULL REFERENCES sync_history (sync_id) ON DELETE CASCADE,
    channel    text        NOT NULL CHECK (channel IN ('email', 'webhook', 'slack')),
    target     text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts   int         NOT NULL DEFAULT 0,
    last_error text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (sync_id, channel, target)
);
