--liquibase formatted sql

--changeset budget-sync:001-customer
CREATE TABLE customer (
    id                      text PRIMARY KEY,
    fiscal_year_start_month int  NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    created_at              timestamptz NOT NULL DEFAULT now()
);

--changeset budget-sync:001-config
CREATE TABLE budget_data_source_config (
    id               bigserial PRIMARY KEY,
    customer_id      text        NOT NULL REFERENCES customer (id),
    name             text        NOT NULL,
    source_type      text        NOT NULL,
    enabled          boolean     NOT NULL DEFAULT true,
    frequency        text        NOT NULL DEFAULT 'every_4_hours',
    timezone         text        NOT NULL DEFAULT 'UTC',
    -- connection settings; secrets inside are AES-GCM encrypted ("enc:v1:..."), never stored in clear text
    source_config    jsonb       NOT NULL DEFAULT '{}',
    -- mapping, import and notification settings (ConfigOptions)
    options          jsonb       NOT NULL DEFAULT '{}',
    -- the last mapping that imported, with the header signature it was made for
    mapping_memory   jsonb,
    last_sync_at     timestamptz,
    last_sync_status text,
    next_sync_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_data_source_config_customer ON budget_data_source_config (customer_id);

--changeset budget-sync:001-stored-file
-- Every file a run reads is stored first, so a retried activity reads the very same bytes.
CREATE TABLE stored_file (
    id              bigserial PRIMARY KEY,
    customer_id     text        NOT NULL,
    config_id       bigint      REFERENCES budget_data_source_config (id) ON DELETE SET NULL,
    filename        text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    source_path     text,
    source_modified timestamptz,
    source_etag     text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_config_sha ON stored_file (config_id, sha256);
-- 1 MiB pieces: files stream in and out of PostgreSQL without ever being held whole in memory.
CREATE TABLE stored_file_chunk (
    file_id bigint NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    seq     int    NOT NULL,
    data    bytea  NOT NULL,
    PRIMARY KEY (file_id, seq)
);

--changeset budget-sync:001-sync-history
CREATE TABLE sync_history (
    id                 bigserial PRIMARY KEY,
    sync_id            text        NOT NULL UNIQUE,
    customer_id        text        NOT NULL,
    config_id          bigint      REFERENCES budget_data_source_config (id) ON DELETE SET NULL,
    workflow_id        text,
    run_id             text,
    triggered_by       text        NOT NULL CHECK (triggered_by IN ('cron', 'manual', 'api')),
    status             text        NOT NULL,
    file_id            bigint      REFERENCES stored_file (id),
    filename           text,
    start_time         timestamptz NOT NULL DEFAULT now(),
    end_time           timestamptz,
    duration_ms        bigint,
    total_rows         bigint      NOT NULL DEFAULT 0,
    created_count      bigint      NOT NULL DEFAULT 0,
    updated_count      bigint      NOT NULL DEFAULT 0,
    unchanged_count    bigint      NOT NULL DEFAULT 0,
    soft_deleted_count bigint      NOT NULL DEFAULT 0,
    restored_count     bigint      NOT NULL DEFAULT 0,
    error_count        bigint      NOT NULL DEFAULT 0,
    skipped_count      bigint      NOT NULL DEFAULT 0,
    errors             jsonb       NOT NULL DEFAULT '[]',
    warnings           jsonb       NOT NULL DEFAULT '[]',
    layout             jsonb,
    mapping            jsonb,
    message            text
);
CREATE INDEX sync_history_customer_start ON sync_history (customer_id, start_time DESC);
CREATE INDEX sync_history_config_start ON sync_history (config_id, start_time DESC);

--changeset budget-sync:001-budget
CREATE TABLE budget (
    id               bigserial PRIMARY KEY,
    customer_id      text          NOT NULL,
    department       text          NOT NULL,
    -- '' when the file has no sub-category: keeps the business key a plain, hash-joinable equality
    sub_category     text          NOT NULL DEFAULT '',
    fiscal_period    text          NOT NULL,
    period_type      text          NOT NULL,
    period_start     date          NOT NULL,
    period_end       date          NOT NULL,
    period_label     text,
    amount           numeric(19, 4) NOT NULL,
    currency         char(3)       NOT NULL,
    source_config_id bigint        REFERENCES budget_data_source_config (id) ON DELETE SET NULL,
    last_sync_id     text,
    deleted_at       timestamptz,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT budget_business_key UNIQUE (customer_id, department, sub_category, fiscal_period)
);
CREATE INDEX budget_config_active ON budget (source_config_id) WHERE deleted_at IS NULL;

--changeset budget-sync:001-utilization
-- Written only by procurement (reserve/commit/release), never by a sync.
CREATE TABLE budget_utilization (
    budget_id  bigint PRIMARY KEY REFERENCES budget (id),
    committed  numeric(19, 4) NOT NULL DEFAULT 0,
    reserved   numeric(19, 4) NOT NULL DEFAULT 0,
    updated_at timestamptz    NOT NULL DEFAULT now()
);

--changeset budget-sync:001-audit
CREATE TABLE audit_log (
    id            bigserial PRIMARY KEY,
    customer_id   text          NOT NULL,
    budget_id     bigint,
    sync_id       text,
    request_id    text,
    action        text          NOT NULL,
    department    text,
    sub_category  text,
    fiscal_period text,
    old_amount    numeric(19, 4),
    new_amount    numeric(19, 4),
    old_currency  char(3),
    new_currency  char(3),
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_budget ON audit_log (budget_id);
CREATE INDEX audit_log_sync ON audit_log (sync_id);
