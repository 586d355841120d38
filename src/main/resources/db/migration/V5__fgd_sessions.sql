-- Focus Group Discussions: one per dimension in a Bimtek stage; each yields a quick win.
CREATE TABLE fgd_session (
    id                        UUID         PRIMARY KEY,
    region_code               VARCHAR(5)   NOT NULL REFERENCES region (code),
    title                     VARCHAR(200) NOT NULL,
    dimension_code            VARCHAR(32)  NOT NULL REFERENCES dimension (code),
    bimtek_stage              INTEGER      NOT NULL,
    bimtek_day                INTEGER      NOT NULL,
    scheduled_start           TIMESTAMPTZ  NOT NULL,
    scheduled_end             TIMESTAMPTZ  NOT NULL,
    venue                     VARCHAR(200),
    facilitator_stakeholder_id UUID        REFERENCES stakeholder (id),
    facilitator_name          VARCHAR(200),
    agenda                    TEXT,
    status                    VARCHAR(16)  NOT NULL DEFAULT 'PLANNED',
    status_reason             VARCHAR(500),
    status_changed_at         TIMESTAMPTZ,
    minutes_summary           TEXT,
    minutes_recorded_at       TIMESTAMPTZ,
    version                   BIGINT       NOT NULL DEFAULT 0,
    created_at                TIMESTAMPTZ  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    CONSTRAINT fgd_session_stage_range CHECK (bimtek_stage BETWEEN 1 AND 4),
    CONSTRAINT fgd_session_day_range CHECK (bimtek_day BETWEEN 1 AND 10),
    CONSTRAINT fgd_session_end_after_start CHECK (scheduled_end > scheduled_start),
    CONSTRAINT fgd_session_status_valid CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    CONSTRAINT fgd_session_agenda_length CHECK (agenda IS NULL OR length(agenda) <= 4000),
    CONSTRAINT fgd_session_minutes_length CHECK (minutes_summary IS NULL OR length(minutes_summary) <= 20000)
);

CREATE INDEX fgd_session_region_start_idx ON fgd_session (region_code, scheduled_start, id);
CREATE INDEX fgd_session_region_dimension_idx ON fgd_session (region_code, dimension_code, status);
CREATE INDEX fgd_session_facilitator_idx ON fgd_session (facilitator_stakeholder_id);

-- The decisions recorded in a session's minutes, in order.
CREATE TABLE fgd_decision (
    session_id   UUID          NOT NULL REFERENCES fgd_session (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    text         VARCHAR(1000) NOT NULL,
    responsible  VARCHAR(200),
    PRIMARY KEY (session_id, position)
);

-- Stakeholders invited to a session and whether they came. Same region only.
CREATE TABLE fgd_participant (
    session_id      UUID        NOT NULL REFERENCES fgd_session (id) ON DELETE CASCADE,
    stakeholder_id  UUID        NOT NULL REFERENCES stakeholder (id),
    attendance      VARCHAR(16) NOT NULL DEFAULT 'INVITED',
    PRIMARY KEY (session_id, stakeholder_id),
    CONSTRAINT fgd_participant_attendance_valid CHECK (attendance IN ('INVITED', 'ATTENDED', 'ABSENT'))
);

CREATE INDEX fgd_participant_stakeholder_idx ON fgd_participant (stakeholder_id);
