-- The audit trail: one row per change, append-only, hash-chained (DESIGN §7).
-- id is the position in the chain: gapless, assigned under the lock on audit_chain_head.
CREATE TABLE audit_event (
    id               BIGINT       PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor_subject    VARCHAR(255),
    actor_username   VARCHAR(255),
    actor_client_id  VARCHAR(255),
    region_code      VARCHAR(5),
    entity_type      VARCHAR(64)  NOT NULL,
    entity_id        VARCHAR(100) NOT NULL,
    action           VARCHAR(32)  NOT NULL,
    before_json      TEXT,
    after_json       TEXT,
    request_id       VARCHAR(64),
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL UNIQUE,
    CONSTRAINT audit_event_id_positive CHECK (id > 0)
);

CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id);
CREATE INDEX audit_event_region_idx ON audit_event (region_code, id);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_username, id);

-- The head of the chain. Appenders lock this single row (SELECT ... FOR UPDATE) for the rest of
-- their transaction, which serialises appends across every instance writing to the database.
CREATE TABLE audit_chain_head (
    id         INTEGER  PRIMARY KEY CHECK (id = 1),
    last_id    BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, repeat('0', 64));

-- Append-only: no UPDATE, DELETE or TRUNCATE of recorded events, whoever asks.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
