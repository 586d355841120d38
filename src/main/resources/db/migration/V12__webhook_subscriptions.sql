-- Webhook subscriptions (issue #20 parts 2-3): who wants which change events delivered where, and
-- the log of every delivery attempt.
CREATE TABLE webhook_subscription (
    id                          uuid PRIMARY KEY,
    -- Caller.key() of the creator: client:<client id> for a service account, user:<subject> else.
    owner                       varchar(300) NOT NULL,
    target_url                  varchar(2000) NOT NULL,
    -- ChangeType wire names; empty: every type.
    event_types                 text[] NOT NULL DEFAULT '{}',
    -- Region codes; empty: every region (admin only).
    region_codes                text[] NOT NULL DEFAULT '{}',
    active                      boolean NOT NULL DEFAULT true,
    status                      varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FAILING')),
    secret                      varchar(100) NOT NULL,
    previous_secret             varchar(100),
    previous_secret_valid_until timestamptz,
    -- The audit chain position delivered up to.
    delivery_cursor             bigint NOT NULL,
    next_attempt_at             timestamptz NOT NULL,
    attempts                    integer NOT NULL DEFAULT 0,
    failing_since               timestamptz,
    version                     bigint NOT NULL DEFAULT 0,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL
);

CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE active;
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner);

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        varchar(64) NOT NULL,
    attempted_at    timestamptz NOT NULL,
    status_code     integer,
    duration_ms     bigint NOT NULL,
    error           varchar(500),
    next_attempt_at timestamptz
);

CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, attempted_at DESC);
