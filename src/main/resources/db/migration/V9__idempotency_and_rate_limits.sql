-- Idempotency-Key records (DESIGN §4). A row is inserted in the same transaction as the change of
-- the request it answers, so it exists exactly when that change was committed; a request that
-- failed or is still running has none. (caller, key) is the scope: a key of one caller never
-- meets another caller's.
CREATE TABLE idempotency_key (
    caller        VARCHAR(300)  NOT NULL,
    key           VARCHAR(255)  NOT NULL,
    -- SHA-256 (hex) of method, path and body: a retry must send the same request.
    fingerprint   CHAR(64)      NOT NULL,
    method        VARCHAR(10)   NOT NULL,
    path          VARCHAR(2048) NOT NULL,
    status        SMALLINT      NOT NULL,
    content_type  VARCHAR(255),
    location      VARCHAR(2048),
    etag          VARCHAR(255),
    body          BYTEA         NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (caller, key),
    CONSTRAINT idempotency_key_length CHECK (char_length(key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_key_success CHECK (status BETWEEN 200 AND 299)
);

CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);

-- Rate-limit windows, one row per caller ("user:<sub>", "client:<azp>", "ip:<address>"): the
-- window started at the caller's first request after the previous one ended, and the requests
-- counted in it. Shared by every instance. UNLOGGED: no WAL for a row updated on every request;
-- after a crash of PostgreSQL the table comes back empty, which only forgives the current minute.
CREATE UNLOGGED TABLE rate_limit_window (
    caller        VARCHAR(300)  PRIMARY KEY,
    window_start  TIMESTAMPTZ   NOT NULL,
    hits          INTEGER       NOT NULL CHECK (hits > 0)
) WITH (fillfactor = 70);
