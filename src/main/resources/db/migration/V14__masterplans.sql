-- Masterplan versions of a region (issue #22): vision, mission, goals per dimension and the
-- programs of the short, medium and long horizon over ten years (start_year .. start_year + 9).
-- DRAFT -> IN_REVIEW -> ENACTED (regulation number and date) -> SUPERSEDED; at most one ENACTED
-- per region (index below); ENACTED and SUPERSEDED versions are immutable (checked by the API).
CREATE TABLE masterplan (
    id                 UUID          PRIMARY KEY,
    region_code        VARCHAR(5)    NOT NULL REFERENCES region (code),
    number             INTEGER       NOT NULL CHECK (number >= 1),
    title              VARCHAR(200)  NOT NULL,
    vision             VARCHAR(2000),
    start_year         INTEGER       NOT NULL CHECK (start_year BETWEEN 2017 AND 2091),
    copied_from_id     UUID          REFERENCES masterplan (id) ON DELETE SET NULL,
    status             VARCHAR(16)   NOT NULL DEFAULT 'DRAFT',
    status_reason      VARCHAR(500),
    status_changed_at  TIMESTAMPTZ,
    regulation_number  VARCHAR(200),
    regulation_date    DATE,
    superseded_by_id   UUID          REFERENCES masterplan (id),
    version            BIGINT        NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    CONSTRAINT masterplan_status_valid CHECK (status IN ('DRAFT', 'IN_REVIEW', 'ENACTED', 'SUPERSEDED')),
    CONSTRAINT masterplan_enacted_has_regulation CHECK (
        status NOT IN ('ENACTED', 'SUPERSEDED') OR (regulation_number IS NOT NULL AND regulation_date IS NOT NULL)),
    UNIQUE (region_code, number)
);
CREATE UNIQUE INDEX masterplan_one_enacted_idx ON masterplan (region_code) WHERE status = 'ENACTED';
CREATE INDEX masterplan_region_status_idx ON masterplan (region_code, status, number);

-- The last version number handed out per region: numbers are never reused, not even a deleted draft's.
CREATE TABLE masterplan_number (
    region_code  VARCHAR(5) PRIMARY KEY REFERENCES region (code),
    last_number  INTEGER    NOT NULL CHECK (last_number >= 1)
);

CREATE TABLE masterplan_mission (
    masterplan_id  UUID          NOT NULL REFERENCES masterplan (id) ON DELETE CASCADE,
    position       INTEGER       NOT NULL,
    text           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (masterplan_id, position)
);

CREATE TABLE masterplan_goal (
    masterplan_id   UUID          NOT NULL REFERENCES masterplan (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    dimension_code  VARCHAR(32)   NOT NULL REFERENCES dimension (code),
    text            VARCHAR(1000) NOT NULL,
    PRIMARY KEY (masterplan_id, position)
);

-- A program of one masterplan version. program_key is the same in every version copied from the
-- version it was first drafted in: the diff matches programs by it.
CREATE TABLE masterplan_program (
    id                   UUID          PRIMARY KEY,
    masterplan_id        UUID          NOT NULL REFERENCES masterplan (id) ON DELETE CASCADE,
    region_code          VARCHAR(5)    NOT NULL REFERENCES region (code),
    program_key          UUID          NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    description          VARCHAR(4000),
    dimension_code       VARCHAR(32)   NOT NULL,
    element_code         VARCHAR(48)   NOT NULL,
    horizon              VARCHAR(8)    NOT NULL,
    start_year           INTEGER       NOT NULL,
    end_year             INTEGER       NOT NULL,
    lead_stakeholder_id  UUID          REFERENCES stakeholder (id),
    funding_source       VARCHAR(8)    NOT NULL,
    indicators           TEXT          NOT NULL DEFAULT '[]',
    fgd_session_id       UUID          REFERENCES fgd_session (id),
    quick_win_id         UUID          REFERENCES quick_win (id),
    version              BIGINT        NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    FOREIGN KEY (dimension_code, element_code) REFERENCES dimension_element (dimension_code, code),
    CONSTRAINT masterplan_program_horizon_valid CHECK (horizon IN ('SHORT', 'MEDIUM', 'LONG')),
    CONSTRAINT masterplan_program_funding_valid CHECK (funding_source IN ('APBD', 'APBN', 'CSR', 'OTHER')),
    CONSTRAINT masterplan_program_years CHECK (end_year >= start_year),
    CONSTRAINT masterplan_program_quick_win_short CHECK (quick_win_id IS NULL OR horizon = 'SHORT'),
    UNIQUE (masterplan_id, program_key)
);
-- One quick win, one program per masterplan version.
CREATE UNIQUE INDEX masterplan_program_quick_win_idx ON masterplan_program (masterplan_id, quick_win_id)
    WHERE quick_win_id IS NOT NULL;
CREATE INDEX masterplan_program_plan_idx ON masterplan_program (masterplan_id, dimension_code, start_year);
CREATE INDEX masterplan_program_lead_idx ON masterplan_program (lead_stakeholder_id);
CREATE INDEX masterplan_program_quick_win_ref_idx ON masterplan_program (quick_win_id);

CREATE TABLE masterplan_program_partner (
    program_id      UUID NOT NULL REFERENCES masterplan_program (id) ON DELETE CASCADE,
    stakeholder_id  UUID NOT NULL REFERENCES stakeholder (id),
    PRIMARY KEY (program_id, stakeholder_id)
);
CREATE INDEX masterplan_program_partner_stakeholder_idx ON masterplan_program_partner (stakeholder_id);

-- Indicative budget per year, IDR exact; a year at most once (checked by the API).
CREATE TABLE masterplan_program_budget (
    program_id  UUID          NOT NULL REFERENCES masterplan_program (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    year        INTEGER       NOT NULL,
    amount      NUMERIC(18,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (program_id, position)
);
