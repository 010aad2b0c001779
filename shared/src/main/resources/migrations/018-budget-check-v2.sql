--liquibase formatted sql

--changeset budget-sync:018-customer-budget-settings
-- A customer's budget rules (issue 21). policy: what a reservation over the available amount does — hard (refused),
-- soft (allowed with an override reason), notify (allowed, an alert goes out; the default, because before policies a
-- reservation without enforce was allowed silently). available_subtracts: whether available subtracts pending
-- reservations and approved commitments, or approved commitments only. alert_thresholds: % of a budget used at which
-- one alert goes out per crossing.
ALTER TABLE customer
    ADD COLUMN budget_policy text NOT NULL DEFAULT 'notify' CHECK (budget_policy IN ('hard', 'soft', 'notify')),
    ADD COLUMN available_subtracts text NOT NULL DEFAULT 'pending_and_approved'
        CHECK (available_subtracts IN ('pending_and_approved', 'approved')),
    ADD COLUMN alert_thresholds int[] NOT NULL DEFAULT '{80,100}';

--changeset budget-sync:018-budget-policy
-- A budget's own policy, over its customer's; null: the customer's. Imports never write it, so it survives re-syncs.
ALTER TABLE budget ADD COLUMN policy text CHECK (policy IN ('hard', 'soft', 'notify'));

--changeset budget-sync:018-budget-alias
-- The labels a customer's intake forms use for the FP&A tool's names ("R&D" = "Engineering"), by match key
-- (normalize.MatchKey), so a check resolves an alias inside its one query.
CREATE TABLE budget_alias (
    customer_id text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('department', 'sub_category')),
    alias_key   text NOT NULL,
    alias       text NOT NULL,
    target_key  text NOT NULL,
    target      text NOT NULL,
    PRIMARY KEY (customer_id, kind, alias_key)
);

--changeset budget-sync:018-request-share
-- A request drawn on several budgets (a rolled-up answer) holds one share on each; a request on one budget has one
-- share. budget_request.budget_id stays the first share's budget for readers that knew only one.
CREATE TABLE budget_request_share (
    customer_id text           NOT NULL,
    request_id  text           NOT NULL,
    budget_id   bigint         NOT NULL REFERENCES budget (id),
    amount      numeric(19, 4) NOT NULL,
    PRIMARY KEY (customer_id, request_id, budget_id),
    FOREIGN KEY (customer_id, request_id) REFERENCES budget_request (customer_id, request_id)
);
CREATE INDEX budget_request_share_budget ON budget_request_share (budget_id);
INSERT INTO budget_request_share (customer_id, request_id, budget_id, amount)
SELECT customer_id, request_id, budget_id, amount FROM budget_request;
ALTER TABLE budget_request ADD COLUMN over_budget boolean NOT NULL DEFAULT false;

--changeset budget-sync:018-audit-who-why
-- Who made a procurement request's move (the caller) and, for a soft-policy override, why.
ALTER TABLE audit_log ADD COLUMN actor text, ADD COLUMN reason text;

--changeset budget-sync:018-threshold-crossing
-- A budget's utilization at or above a threshold: the row exists while it stays there, so the alert goes out once
-- per crossing; a release that drops below deletes the row and re-arms it. id names the crossing's alert.
CREATE TABLE budget_threshold_crossing (
    id         bigserial PRIMARY KEY,
    budget_id  bigint      NOT NULL REFERENCES budget (id),
    threshold  int         NOT NULL,
    crossed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (budget_id, threshold)
);

--changeset budget-sync:018-alert-kinds
-- Budget alerts: a threshold of a budget crossed, a reservation over budget under the notify policy.
ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check
    CHECK (kind IN ('stale', 'recovered', 'late_file', 'failing', 'paused', 'review_streak', 'slow_run',
                    'error_rate', 'budget_threshold', 'over_budget'));
