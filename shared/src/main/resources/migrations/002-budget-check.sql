--liquibase formatted sql

--changeset budget-sync:002-match-key splitStatements:false
-- How a budget check compares department and sub-category names: case-insensitive, outer whitespace ignored and inner
-- runs of whitespace collapsed, so "  Field  Marketing" finds "field marketing". IMMUTABLE so an index can use it.
CREATE FUNCTION budget_match_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(regexp_replace(btrim(name), '\s+', ' ', 'g'));

--changeset budget-sync:002-check-index
-- The budget check's point query: customer, department, sub-category, then the periods that start before the date.
CREATE INDEX budget_check_lookup
    ON budget (customer_id, budget_match_key(department), budget_match_key(sub_category), period_start)
    WHERE deleted_at IS NULL;

--changeset budget-sync:002-fx-rate
-- Dated exchange rates: 1 from_currency = rate to_currency from valid_from until the next rate of the pair.
CREATE TABLE fx_rate (
    from_currency char(3)        NOT NULL,
    to_currency   char(3)        NOT NULL,
    valid_from    date           NOT NULL,
    rate          numeric(24, 12) NOT NULL CHECK (rate > 0),
    created_at    timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (from_currency, to_currency, valid_from)
);

--changeset budget-sync:002-budget-request
-- One row per procurement requestId: what it holds against which budget. It makes reserve/commit/release idempotent
-- (a retried call finds its row in the state it asked for) and lets commit and release find their reservation.
CREATE TABLE budget_request (
    customer_id      text           NOT NULL,
    request_id       text           NOT NULL,
    budget_id        bigint         NOT NULL REFERENCES budget (id),
    state            text           NOT NULL CHECK (state IN ('reserved', 'committed', 'released')),
    -- in the budget's currency: what reserved/committed moved by
    amount           numeric(19, 4) NOT NULL,
    -- as the caller sent it, and the rate used when the currencies differ
    request_amount   numeric(19, 4) NOT NULL,
    request_currency char(3)        NOT NULL,
    fx_rate          numeric(24, 12),
    created_at       timestamptz    NOT NULL DEFAULT now(),
    updated_at       timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, request_id)
);
CREATE INDEX budget_request_budget ON budget_request (budget_id);
CREATE INDEX audit_log_request ON audit_log (request_id) WHERE request_id IS NOT NULL;
